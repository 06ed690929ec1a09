#!/bin/bash
# sys_service.sh — the *-Service cmdlets. systemd is not PID 1 on every test machine, so:
#   1. the live path is tested for its error: whatever systemctl says must reach the user as
#      a clear error naming systemctl (or, where systemd runs, Get-Service must list units);
#   2. the cmdlets' argv and parsing are tested against a recorder standing in for systemctl
#      ($HVSH_SYSTEMCTL = tests/fixtures/systemctl/fake-systemctl answering from recorded
#      `systemctl show` text, logging each argv).
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
FAKE=$PWD/tests/fixtures/systemctl/fake-systemctl
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-syssvc.XXXXXX)
# The recorders run with a PATH that holds only the tools they use, so a real systemctl or
# hostnamectl can never be reached from these tests (reboot, service changes), even if hvsh
# ignored HVSH_SYSTEMCTL / HVSH_HOSTNAMECTL.
SAFEBIN="$WORK/safebin"; mkdir -p "$SAFEBIN"
for t in cat grep sed printf awk dirname; do ln -sf "$(command -v $t)" "$SAFEBIN/$t"; done
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }

# run CASE PS1 [fake]: with the recorder unless the third argument is "live"
run() {
    local c=$1 script=$2 mode=${3:-fake} d="$WORK/$1"
    mkdir -p "$d"
    printf '%s\n' "$script" >"$d/t.ps1"
    : >"$d/argv.log"
    if [ "$mode" = live ]; then
        (cd "$d" && env -u HVSH_SYSTEMCTL COLUMNS=120 NO_COLOR=1 "$HVSH" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo $? >rc)
    else
        (cd "$d" && PATH="$SAFEBIN" HVSH_SYSTEMCTL="$FAKE" FAKE_SYSTEMCTL_LOG="$d/argv.log" FAKE_SYSTEMCTL_FAIL="${FAIL:-}" \
            COLUMNS=120 NO_COLOR=1 "$HVSH" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo $? >rc)
    fi
}
expect() {
    local got
    got=$(cat "$WORK/$1/out")
    if [ "$got" = "$3" ]; then ok "$2"; else notok "$2" "expected:
$3
got:
$got
stderr: $(cat "$WORK/$1/err")"; fi
}
actions() { grep -vE '^(list-unit-files|show) ' "$WORK/$1/argv.log"; }
expect_argv() {
    local got; got=$(actions "$1")
    if [ "$got" = "$3" ]; then ok "$2"; else notok "$2" "expected:
$3
got:
$got"; fi
}

# 1. live: systemd as PID 1 or a clear error naming systemctl
run live '
$s = Get-Service -ErrorAction SilentlyContinue -ErrorVariable ev
if ($ev) { "error: $($ev[0].FullyQualifiedErrorId) | $($ev[0].Exception.Message)" } else { "listed: $(@($s).Count -gt 0)" }' live
if [ "$(ps -p 1 -o comm=)" = systemd ]; then
    expect live "live Get-Service with systemd as PID 1 lists units" "listed: True"
elif grep -q '^error: SystemctlFailed,Microsoft.PowerShell.Commands.GetServiceCommand | Cannot read the services from systemd: systemctl .* failed: ' "$WORK/live/out"; then
    ok "live Get-Service without systemd as PID 1: the error names systemctl and carries its message"
else
    notok "live Get-Service without systemd: a clear error naming systemctl" "$(cat "$WORK/live/out" "$WORK/live/err")"
fi
run nosystemctl '
$env:HVSH_SYSTEMCTL = "/nonexistent/systemctl"
Start-Service cron -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message' live
expect nosystemctl "no systemctl at all: the error says what is missing" \
    "Cannot read the services from systemd: Cannot run /nonexistent/systemctl: No such file or directory (systemd's systemctl is needed to manage services)."

# 2. Get-Service on recorded systemd data
run get 'Get-Service'
expect get "Get-Service: the ServiceController table (Status, Name, DisplayName), templates skipped" "
Status   Name               DisplayName
------   ----               -----------
Stopped  cron               Regular background program processing…
StartPe… libvirt-guests     Suspend/Resume Running libvirt Guests
Running  libvirtd           libvirt legacy monolithic daemon
Stopped  nfs-server         NFS server and services
Running  systemd-journald   Journal Service"

run props '
$s = Get-Service -Name libvirtd
"{0}|{1}|{2}|{3}|{4}|{5}" -f $s.Name, $s.DisplayName, $s.Status, $s.StartType, $s.CanStop, $s.ServiceName
$s.GetType().FullName
"$s"
(Get-Service -Name lib*).Name -join ","
(Get-Service -DisplayName "*daemon*").Name -join ","
(Get-Service | Where-Object StartType -eq Disabled).Name -join ","
(Get-Service -Name * -Exclude libvirt*).Count
(Get-Service systemd-journald -DependentServices).Name
(Get-Service libvirt-guests -RequiredServices).Name -join ","
"libvirtd" | Get-Service | ForEach-Object Status
Get-Service -Name nope -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message
$ev[0].FullyQualifiedErrorId
$ev[0].CategoryInfo.Category.ToString()'
expect props "Get-Service: properties, wildcards, -DisplayName, -Exclude, dependencies, pipeline, not found" "libvirtd|libvirt legacy monolithic daemon|Running|Automatic|True|libvirtd
System.ServiceProcess.ServiceController
libvirtd
libvirt-guests,libvirtd
cron,libvirtd
cron,nfs-server
3
libvirt-guests
libvirtd,systemd-journald
Running
Cannot find any service with service name 'nope'.
NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand
ObjectNotFound"
if [ -z "$(actions props)" ]; then ok "Get-Service runs only list-unit-files and show"; else notok "Get-Service runs only list-unit-files and show" "$(actions props)"; fi

# 3. actions: the exact systemctl argv
run act '
Start-Service -Name cron
Stop-Service libvirtd -PassThru | ForEach-Object Name
Restart-Service -DisplayName "Journal Service"
Get-Service cron | Start-Service
Set-Service -Name cron -StartupType Automatic
Set-Service -Name libvirtd -StartupType Disabled -Status Stopped
Set-Service -Name nfs-server -StartupType Manual
Start-Service -Name lib* -WhatIf'
expect act "actions: -PassThru, -WhatIf lists each service" "libvirtd
What if: Performing the operation \"Start-Service\" on target \"Suspend/Resume Running libvirt Guests (libvirt-guests)\".
What if: Performing the operation \"Start-Service\" on target \"libvirt legacy monolithic daemon (libvirtd)\"."
expect_argv act "actions: systemctl start/stop/restart/enable/disable/unmask with unit names, no shell" "start cron.service
stop libvirtd.service
restart systemd-journald.service
start cron.service
enable cron.service
disable libvirtd.service
stop libvirtd.service
unmask nfs-server.service
disable nfs-server.service"

# 4. systemctl failing: the Windows error with systemctl's reason
FAIL=cron.service run fails '
Start-Service cron -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message
$ev[0].FullyQualifiedErrorId
$ev[0].CategoryInfo.Category.ToString()
try { Set-Service cron -StartupType Sometimes } catch { $_.FullyQualifiedErrorId }
Set-Service cron -Status Paused -ErrorAction SilentlyContinue -ErrorVariable e2
$e2[0].Exception.Message
Start-Service nope -ErrorAction SilentlyContinue -ErrorVariable e3
$e3[0].FullyQualifiedErrorId'
expect fails "a failing start: CouldNotStartService with systemctl's message; validation" "Service 'Regular background program processing daemon (cron)' cannot be started due to the following error: fake-systemctl start failed: Job for cron.service failed because the control process exited with error code.
CouldNotStartService,Microsoft.PowerShell.Commands.StartServiceCommand
OpenError
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetServiceCommand
systemd services cannot be paused.
NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.StartServiceCommand"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
