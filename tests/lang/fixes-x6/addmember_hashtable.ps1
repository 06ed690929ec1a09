# Add-Member on a hashtable adds a NoteProperty on its PSObject, not a key
$h = @{a = 1}
$h | Add-Member -MemberType NoteProperty -Name x -Value 2
$h.Count
$h.x
$h.Keys -join ','
$h.ContainsKey('x')
($h | Get-Member -MemberType NoteProperty).Definition
$h | Select-Object -Property a, x | ConvertTo-Csv
$h | Add-Member -NotePropertyName y -NotePropertyValue 5 -PassThru | ForEach-Object y
$h.Count
$h | ConvertTo-Csv
