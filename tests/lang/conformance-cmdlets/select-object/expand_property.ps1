# Select-Object docs example 10
$object = [pscustomobject]@{Name="CustomObject";Expand=@(1,2,3,4,5)}
$object | Select-Object -ExpandProperty Expand -Property Name
