#!/bin/bash
# Background jobs as processes: a job is a child process of hvsh; finished jobs are reaped
# (no zombies), Stop-Job / Remove-Job -Force kill the job and what it started, hvsh ends
# its jobs when it exits (also when it is killed), and native commands keep their exit
# codes while jobs run.
# Env: HVSH = path to the binary (default ./hvsh). Ends with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
HVSH=${HVSH:-$root/hvsh}
export COLUMNS=120 NO_COLOR=1 TERM=dumb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
nok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "#   $2"; }

run() { # script text -> stdout in $tmp/out, stderr in $tmp/err
    printf '%s\n' "$1" >"$tmp/t.ps1"
    timeout 60 "$HVSH" -NoProfile -NonInteractive -File "$tmp/t.ps1" >"$tmp/out" 2>"$tmp/err"
}

alive() { # pid is running (a zombie counts as gone only once reaped: check both)
    [ -d "/proc/$1" ]
}

zombie() {
    [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ]
}

wait_gone() { # pid, seconds
    local i=0
    while alive "$1" && [ $i -lt $(($2 * 10)) ]; do sleep 0.1; i=$((i + 1)); done
    ! alive "$1"
}

# /proc/<pid>/stat fields of every process: "pid (comm) state ppid pgrp ..."
procs='function Get-Procs { Get-ChildItem /proc -Directory -ErrorAction Ignore |
    Where-Object { $_.Name -match "^[0-9]+$" } |
    ForEach-Object { try { $f = (Get-Content "/proc/$($_.Name)/stat" -ErrorAction Stop) -replace "\(.*\)", "(c)" -split " "
        [pscustomobject]@{ Pid = [int]$f[0]; State = $f[2]; PPid = [int]$f[3]; Pgrp = [int]$f[4] } } catch { } } }'

# 1. finished jobs are reaped: no zombie children while hvsh still runs
run "$procs"'
$jobs = 1..5 | ForEach-Object { Start-Job { param($n) $n } -ArgumentList $_ }
$null = $jobs | Wait-Job | Receive-Job
1..3 | ForEach-Object -Parallel { $_ } | Out-Null
$null = Start-ThreadJob { 1 } | Receive-Job -Wait -AutoRemoveJob
"zombies: $(@(Get-Procs | Where-Object { $_.PPid -eq $PID -and $_.State -eq "Z" }).Count)"
"children: $(@(Get-Procs | Where-Object { $_.PPid -eq $PID }).Count)"
"jobs: $(@(Get-Job).Count)"
'
if grep -qx 'zombies: 0' "$tmp/out" && grep -qx 'children: 0' "$tmp/out" && grep -qx 'jobs: 5' "$tmp/out"; then
    ok "finished jobs are reaped (no zombies, no children left)"
else
    nok "finished jobs are reaped (no zombies, no children left)" "$(cat "$tmp/out" "$tmp/err" | head -5)"
fi

# 2. Stop-Job kills the job's process and the native command it started; both are reaped
run "$procs"'
$j = Start-Job { $PID; sleep 300 }
while (@(Receive-Job $j -Keep).Count -eq 0) { Start-Sleep -Milliseconds 50 }
$jp = Receive-Job $j
for ($i = 0; $i -lt 100 -and @(Get-Procs | Where-Object { $_.Pgrp -eq $jp }).Count -lt 2; $i++) { Start-Sleep -Milliseconds 50 }
"before: $(@(Get-Procs | Where-Object { $_.Pgrp -eq $jp }).Count)"
Stop-Job $j
"state: $($j.State)"
Start-Sleep -Milliseconds 300
"after: $(@(Get-Procs | Where-Object { $_.Pgrp -eq $jp -and $_.State -ne "Z" }).Count)"
"zombies: $(@(Get-Procs | Where-Object { $_.PPid -eq $PID -and $_.State -eq "Z" }).Count)"
'
if grep -qx 'before: 2' "$tmp/out" && grep -qx 'state: Stopped' "$tmp/out" && grep -qx 'after: 0' "$tmp/out" &&
    grep -qx 'zombies: 0' "$tmp/out"; then
    ok "Stop-Job kills the job and the native command it started"
else
    nok "Stop-Job kills the job and the native command it started" "$(cat "$tmp/out" "$tmp/err" | head -6)"
fi

# 3. Remove-Job -Force on a running job kills it
run '
$j = Start-Job { $PID; Start-Sleep 300 }
while (@(Receive-Job $j -Keep).Count -eq 0) { Start-Sleep -Milliseconds 50 }
"pid: $(Receive-Job $j)"
Remove-Job $j -Force
"left: $(@(Get-Job).Count)"
'
jpid=$(sed -n 's/^pid: //p' "$tmp/out")
if [ -n "$jpid" ] && grep -qx 'left: 0' "$tmp/out" && wait_gone "$jpid" 2; then
    ok "Remove-Job -Force kills the running job"
else
    nok "Remove-Job -Force kills the running job" "pid=$jpid $(cat "$tmp/out" "$tmp/err" | head -5)"
fi

# 4. hvsh ends its running jobs when it exits
run '
$j = Start-Job { $PID; Start-Sleep 300 }
while (@(Receive-Job $j -Keep).Count -eq 0) { Start-Sleep -Milliseconds 50 }
"pid: $(Receive-Job $j)"
'
jpid=$(sed -n 's/^pid: //p' "$tmp/out")
if [ -n "$jpid" ] && wait_gone "$jpid" 5; then
    ok "jobs end when hvsh exits"
else
    nok "jobs end when hvsh exits" "pid=$jpid still running"
    [ -n "$jpid" ] && kill -9 "$jpid" 2>/dev/null
fi

# 5. ... also when hvsh is killed
printf '%s\n' '$j = Start-Job { $PID; Start-Sleep 300 }' \
    'while (@(Receive-Job $j -Keep).Count -eq 0) { Start-Sleep -Milliseconds 50 }' \
    '"pid: $(Receive-Job $j)"' 'Start-Sleep 300' >"$tmp/k.ps1"
"$HVSH" -NoProfile -NonInteractive -File "$tmp/k.ps1" >"$tmp/kout" 2>&1 &
hpid=$!
for _ in $(seq 1 100); do grep -q '^pid: ' "$tmp/kout" && break; sleep 0.1; done
jpid=$(sed -n 's/^pid: //p' "$tmp/kout")
kill -9 "$hpid" 2>/dev/null
wait "$hpid" 2>/dev/null
if [ -n "$jpid" ] && wait_gone "$jpid" 5; then
    ok "jobs end when hvsh is killed"
else
    nok "jobs end when hvsh is killed" "pid=$jpid"
    [ -n "$jpid" ] && kill -9 "$jpid" 2>/dev/null
fi

# 6. native commands keep their exit status while jobs run and finish around them
run '
$j = 1..3 | ForEach-Object { Start-Job { Start-Sleep -Milliseconds 200; "done" } }
false
"false: $LASTEXITCODE"
$null = $j | Wait-Job
true
"true: $LASTEXITCODE"
/bin/ls /nonexistent-path 2>$null
"ls: $LASTEXITCODE"
(Receive-Job $j) -join ","
'
if grep -qx 'false: 1' "$tmp/out" && grep -qx 'true: 0' "$tmp/out" && grep -qx 'ls: 2' "$tmp/out" &&
    grep -qx 'done,done,done' "$tmp/out"; then
    ok "native exit codes are untouched by job reaping"
else
    nok "native exit codes are untouched by job reaping" "$(cat "$tmp/out" "$tmp/err" | head -6)"
fi

# 7. a job's output does not reach the terminal; only Receive-Job shows it
run '
$j = Start-Job { "job output"; Write-Host "job host"; [Console]::WriteLine("raw") ; /bin/echo native }
$null = Wait-Job $j
"before receive"
'
if [ "$(cat "$tmp/out")" = "before receive" ] && [ ! -s "$tmp/err" ]; then
    ok "job output stays in the job until received"
else
    nok "job output stays in the job until received" "$(cat "$tmp/out" "$tmp/err" | head -5)"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
