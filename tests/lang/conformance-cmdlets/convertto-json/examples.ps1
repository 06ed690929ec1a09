# ConvertTo-Json docs examples 2 and 3 (fixed date, [ordered] for a fixed key order), AsArray
$d = Get-Date -Date '2021-08-05 16:13:05'
$d | ConvertTo-Json; $d | ConvertTo-Json -AsArray
[ordered]@{Account="User01";Domain="Domain01";Admin="True"} | ConvertTo-Json -Compress
Write-Output "With -NoEnumerate: $('[1]' | ConvertFrom-Json -NoEnumerate | ConvertTo-Json -Compress)"
Write-Output "Without -NoEnumerate: $('[1]' | ConvertFrom-Json | ConvertTo-Json -Compress)"
