# Parses a deployment log with switch -regex and summarises it.
$log = @'
2024-03-01 10:00:01 INFO  Starting deployment of DC01
2024-03-01 10:00:05 WARN  Disk D: is 85% full
2024-03-01 10:01:10 ERROR Failed to join domain: access denied (0x5)
2024-03-01 10:02:00 INFO  Retrying join for DC01
2024-03-01 10:02:30 INFO  DC01 joined contoso.local
2024-03-01 10:03:45 ERROR Service 'W32Time' failed to start (0x2)
2024-03-01 10:04:00 INFO  Deployment finished in 239 seconds
'@

$counts = @{ INFO = 0; WARN = 0; ERROR = 0 }
$errors = [System.Collections.Generic.List[object]]::new()
foreach ($line in $log -split "`r?`n") {
    switch -Regex ($line) {
        '^(?<date>\S+) (?<time>\S+) (?<level>INFO|WARN|ERROR)\s+(?<msg>.*)$' {
            $level, $time, $msg = $Matches.level, $Matches.time, $Matches.msg
            $counts[$level]++
            if ($level -eq 'ERROR') {
                $code = if ($msg -match '\((0x[0-9a-f]+)\)') { $Matches[1] } else { 'n/a' }
                $errors.Add([pscustomobject]@{ Time = $time; Code = $code; Message = ($msg -replace '\s*\(0x[0-9a-f]+\)$', '') })
            }
        }
        'finished in (\d+) seconds' {
            $elapsed = [timespan]::FromSeconds([int]$Matches[1])
            "Elapsed: {0:mm\:ss}" -f $elapsed
        }
    }
}
"INFO={0} WARN={1} ERROR={2}" -f $counts.INFO, $counts.WARN, $counts.ERROR
$errors | Format-Table -AutoSize
$errors.Count
($log -split "`n" | Where-Object { $_ -like '*DC01*' }).Count
$log -split "`n" | Select-String -Pattern 'WARN' | ForEach-Object { $_.Line.Substring(20) }
$words = $log -split '\s+' | Where-Object { $_ -match '^[A-Z]{4,5}$' }
$words | Group-Object | Sort-Object @{ Expression = 'Count'; Descending = $true }, Name | Select-Object Name, Count
