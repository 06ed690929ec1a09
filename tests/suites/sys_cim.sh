#!/bin/bash
# sys_cim.sh — Get-CimInstance / Get-WmiObject on live data: Win32_LogicalDisk against a
# tmpfs of known size in a private mount namespace and against `df`; Win32_NetworkAdapter-
# Configuration in a network namespace with a veth "Ethernet" (addresses, gateway, DNS from
# $HVSH_RESOLV_CONF, MAC compared with `ip -j link`); Win32_Service through the systemctl
# recorder. (Recorded /proc facts are golden tests: tests/lang/sys/cim_*.ps1.)
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
FAKE=$PWD/tests/fixtures/systemctl/fake-systemctl
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-syscim.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }
expect() { # DESCRIPTION EXPECTED GOT
    if [ "$3" = "$2" ]; then ok "$1"; else notok "$1" "expected:
$2
got:
$3"; fi
}
if [ "$(id -u)" != 0 ] || ! unshare -n -m true 2>/dev/null || ! command -v jq >/dev/null; then
    echo "not ok - these tests need root (network and mount namespaces) and jq"
    echo "0 passed, 1 failed"
    exit 1
fi
export COLUMNS=120 NO_COLOR=1

# 1. disks: a 64 MiB tmpfs in a private mount namespace, with a 1 MiB file on it
mkdir -p "$WORK/mnt"
got=$(MNT="$WORK/mnt" HVSH="$HVSH" unshare -m bash -c 'mount -t tmpfs -o size=64m hvshtest "$MNT" &&
    head -c 1048576 /dev/zero >"$MNT/f" &&
    "$HVSH" -NoProfile -NonInteractive -Command "
        \$d = Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID = '"'"'$MNT'"'"'\"
        \"{0} {1} {2} {3} {4} {5}\" -f \$d.Size, \$d.FreeSpace, \$d.FileSystem, \$d.DriveType, \$d.VolumeName, \$d.Description
        (Get-WmiObject Win32_LogicalDisk -Filter \"FileSystem = '"'"'tmpfs'"'"' AND Size = 67108864\").DeviceID -eq '"'"'$MNT'"'"'"' 2>&1)
expect "Win32_LogicalDisk: a 64 MiB tmpfs with 1 MiB used (statvfs), FileSystem, DriveType 6 (RAM disk)" \
    "67108864 66060288 tmpfs 6 hvshtest RAM Disk
True" "$got"
root_size=$(df -B1 --output=size / | tail -1 | tr -d ' ')
got=$("$HVSH" -NoProfile -NonInteractive -Command '$r = Get-CimInstance Win32_LogicalDisk | Where-Object DeviceID -eq "/"; "$($r.Size) $($r.DriveType)"' 2>&1)
expect "Win32_LogicalDisk: / has the size df reports, DriveType 3" "$root_size 3" "$got"
got=$("$HVSH" -NoProfile -NonInteractive -Command '@(Get-CimInstance Win32_LogicalDisk | Where-Object { $_.FileSystem -in "proc","sysfs","cgroup2","devpts" }).Count' 2>&1)
expect "Win32_LogicalDisk: no pseudo file systems" "0" "$got"

# 2. network adapter configuration in a network namespace
printf 'search lab.test\nnameserver 10.0.0.53\nnameserver 10.0.0.54\n' >"$WORK/resolv.conf"
got=$(HVSH="$HVSH" HVSH_RESOLV_CONF="$WORK/resolv.conf" HVSH_STATE_DIR="$WORK/state" unshare -n bash -c '
    ip link set lo up; ip link add Ethernet type veth peer name p1; ip link set Ethernet address 00:15:5d:01:02:03
    ip addr add 10.0.0.1/24 dev Ethernet; ip -6 addr add fd00::1/64 dev Ethernet nodad
    ip link set Ethernet up; ip link set p1 up; ip route add default via 10.0.0.254 dev Ethernet onlink
    "$HVSH" -NoProfile -NonInteractive -Command "
        \$n = Get-CimInstance Win32_NetworkAdapterConfiguration -Filter \"IPEnabled = TRUE AND Description = '"'"'Ethernet'"'"'\"
        (\$n.IPAddress | Where-Object { \$_ -notlike \"fe80*\" }) -join \",\"
        (\$n.IPSubnet | Select-Object -First 2) -join \",\"
        \$n.MACAddress; \$n.DefaultIPGateway -join \",\"; \$n.DNSServerSearchOrder -join \",\"; \$n.DNSDomain
        \$n.Index -eq (Get-NetAdapter Ethernet).ifIndex
        (Get-CimInstance Win32_NetworkAdapterConfiguration -Filter \"IPAddress = '"'"'10.0.0.1'"'"'\").Description
        \$l = Get-CimInstance Win32_NetworkAdapterConfiguration | Where-Object Description -eq p1
        \"{0} {1}\" -f \$l.IPEnabled, (\$null -eq \$l.DNSServerSearchOrder)
        (Get-CimInstance -Query \"SELECT Description FROM Win32_NetworkAdapterConfiguration WHERE MACAddress LIKE '"'"'00:15:5D:%'"'"'\").Description"' 2>&1)
expect "Win32_NetworkAdapterConfiguration: addresses, subnets, MAC, gateway, DNS servers, domain, filters" \
    "10.0.0.1,fd00::1
255.255.255.0,64
00:15:5D:01:02:03
10.0.0.254
10.0.0.53,10.0.0.54
lab.test
True
Ethernet
True True
Ethernet" "$got"

# 3. Win32_Service from systemd (through the recorder)
cat >"$WORK/svc.ps1" <<'EOF'
(Get-CimInstance Win32_Service -Filter "State = 'Running'" | Sort-Object Name).Name -join ","
$s = Get-CimInstance Win32_Service -Filter "Name = 'libvirtd'"
"{0}|{1}|{2}|{3}|{4}|{5}" -f $s.DisplayName, $s.State, $s.StartMode, $s.Started, $s.ProcessId, $s.Status
(Get-WmiObject -Query "SELECT Name FROM Win32_Service WHERE StartMode = 'Disabled'" | Sort-Object Name).Name -join ","
(Get-CimInstance Win32_Service -Filter "Name LIKE 'libvirt%' AND NOT State = 'Running'").State
EOF
got=$(HVSH_SYSTEMCTL="$FAKE" "$HVSH" -NoProfile -NonInteractive -File "$WORK/svc.ps1" 2>&1)
expect "Win32_Service: State, StartMode (Auto/Disabled), ProcessId from systemd; WQL LIKE/NOT" \
    "libvirtd,systemd-journald
libvirt legacy monolithic daemon|Running|Auto|True|812|OK
cron,nfs-server
Start Pending" "$got"
got=$(HVSH_SYSTEMCTL=/nonexistent/systemctl "$HVSH" -NoProfile -NonInteractive -Command '
    Get-CimInstance Win32_Service -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].Exception.Message' 2>&1)
expect "Win32_Service without systemctl: the error names it" \
    "Cannot read the services from systemd: Cannot run /nonexistent/systemctl: No such file or directory (systemd's systemctl is needed to manage services)." "$got"

# 4. Get-CimClass and the default views
got=$("$HVSH" -NoProfile -NonInteractive -Command '
    (Get-CimClass -ClassName Win32_*).CimClassName -join ","
    (Get-CimClass -PropertyName HypervisorPresent).CimClassName
    (Get-CimClass Win32_Service).CimClassMethods -join ","
    Get-CimClass Win32_Nope -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].Exception.Message
    (Get-WmiObject -List | Measure-Object).Count' 2>&1)
expect "Get-CimClass: wildcard, -PropertyName, methods, not found; Get-WmiObject -List" \
    "Win32_OperatingSystem,Win32_ComputerSystem,Win32_Processor,Win32_LogicalDisk,Win32_NetworkAdapterConfiguration,Win32_Service
Win32_ComputerSystem
StartService,StopService,ChangeStartMode
Not found 
6" "$got"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
