Write-Output 'hello'
Write-Output 1, 2
echo a b
(Write-Output 1, 2, 3 -NoEnumerate | Measure-Object).Count
(Write-Output 1, 2, 3 | Measure-Object).Count
Write-Output -InputObject 'x'
