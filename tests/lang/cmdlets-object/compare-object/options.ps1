$r = Compare-Object 1, 2, 3 2, 3, 4 -IncludeEqual
($r | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }) -join ' '
$r = Compare-Object 1, 2, 3 2, 3, 4 -ExcludeDifferent
($r | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }) -join ' '
$a = [pscustomobject]@{ Name = 'x'; V = 1 }
$b = [pscustomobject]@{ Name = 'x'; V = 2 }
(Compare-Object $a $b -Property Name).Count
(Compare-Object $a $b -Property V | ForEach-Object { "$($_.V)$($_.SideIndicator)" }) -join ' '
(Compare-Object 'A' 'a').Count
(Compare-Object 'A' 'a' -CaseSensitive).Count
'b', 'c' | Compare-Object 'a', 'b' | ForEach-Object { $_.InputObject + $_.SideIndicator }
