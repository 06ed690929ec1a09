# Write-Output docs examples 3 and 4: -NoEnumerate passes the array as one object
Write-Output 1,2,3 -NoEnumerate | Measure-Object
