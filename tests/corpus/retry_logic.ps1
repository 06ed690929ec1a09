# Wait/retry helpers: loops, break/continue, labels, script-block parameters.
function Invoke-WithRetry {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][scriptblock]$ScriptBlock,
        [int]$MaxAttempts = 3,
        [int]$DelayMilliseconds = 1
    )
    $attempt = 0
    do {
        $attempt++
        try {
            $result = & $ScriptBlock $attempt
            Write-Host "  attempt $attempt succeeded"
            return $result
        } catch {
            Write-Host "  attempt $attempt failed: $_"
            if ($attempt -ge $MaxAttempts) { throw "Giving up after $attempt attempts" }
            Start-Sleep -Milliseconds $DelayMilliseconds
        }
    } while ($true)
}

'Flaky operation:'
$value = Invoke-WithRetry -ScriptBlock { param($n) if ($n -lt 3) { throw "not ready ($n)" }; "ready on $n" }
$value
'Always failing:'
try {
    Invoke-WithRetry -MaxAttempts 2 -ScriptBlock { throw 'VM heartbeat missing' }
} catch {
    "Final: $($_.Exception.Message)"
}

# polling a state machine with while/until
$states = [System.Collections.Queue]::new(@('Starting', 'Starting', 'Running'))
$polls = 0
while ($states.Count -gt 0) {
    $polls++
    $s = $states.Dequeue()
    if ($s -eq 'Running') { break }
}
"Running after $polls polls"
$i = 0
do { $i += 2 } until ($i -ge 7)
"i=$i"

# labeled loops
:outer foreach ($hostName in 'HV01', 'HV02', 'HV03') {
    foreach ($slot in 1..3) {
        if ($hostName -eq 'HV02' -and $slot -eq 2) { continue outer }
        if ($hostName -eq 'HV03') { break outer }
        "$hostName-$slot"
    }
}
for ($n = 10; $n -gt 0; $n -= 4) { "n=$n" }
$sum = 0
foreach ($x in 1..10) { if ($x % 2) { continue }; $sum += $x }
"even sum=$sum"
$found = $null
foreach ($vm in @('a', 'b', 'target', 'c')) { if ($vm -eq 'target') { $found = $vm; break } }
"found=$found"
1..5 | ForEach-Object { if ($_ -eq 3) { return }; $_ }
$timeout = [datetime]'2024-01-01 00:00:00'
$now = $timeout.AddSeconds(-90)
while ($now -lt $timeout) { $now = $now.AddSeconds(30) }
'{0:HH:mm:ss}' -f $now
