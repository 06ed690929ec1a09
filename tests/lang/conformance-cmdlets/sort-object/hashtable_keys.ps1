# Sort-Object docs example 11: PowerShell 6+ sorts hashtables by key value
@(
    @{ name = 'a' ; weight = 7 }
    @{ name = 'b' ; weight = 1 }
    @{ name = 'c' ; weight = 3 }
    @{ name = 'd' ; weight = 7 }
) | Sort-Object -Property weight -OutVariable Sorted | Out-Null
$Sorted | ForEach-Object -Process { "{0}: {1}" -f $_.name, $_.weight }
