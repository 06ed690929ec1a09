#!/bin/bash
# sys_net.sh — Get-NetNeighbor, Get-NetTCPConnection and Get-NetUDPEndpoint in a network
# namespace this script creates (a veth "Ethernet" with static neighbor entries, a python3
# process holding a listening TCP socket, an established connection and a UDP socket).
# Results are compared with `ip -j neigh` and the python process's own pid.
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-sysnet.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null || ! command -v python3 >/dev/null; then
    echo "not ok - these tests need root (network namespaces) and python3"
    echo "0 passed, 1 failed"
    exit 1
fi

SETUP='ip link set lo up
ip link add Ethernet type veth peer name p1; ip addr add 10.0.0.1/24 dev Ethernet
ip link set Ethernet up; ip link set p1 up
ip neigh add 10.0.0.7 lladdr 00:15:5d:00:00:07 dev Ethernet nud permanent
ip neigh add 10.0.0.8 lladdr 00:15:5d:00:00:08 dev Ethernet nud stale
ip neigh add 10.0.0.9 lladdr 00:15:5d:00:00:09 dev Ethernet nud reachable
ip -6 neigh add fd00::7 lladdr 00:15:5d:00:00:07 dev Ethernet nud permanent
python3 -c "import socket,time,sys
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"127.0.0.1\",8080)); s.listen()
c=socket.create_connection((\"127.0.0.1\",8080)); a,_=s.accept()
u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); u.bind((\"0.0.0.0\",5353))
v=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM); v.bind((\"::\",5354))
print(c.getsockname()[1], flush=True); time.sleep(30)" >cport & echo $! >ppid
for i in $(seq 50); do [ -s cport ] && break; sleep 0.1; done'

# run CASE PS1: the namespace above, then the script; $WORK/CASE/{ppid,cport,neigh.json}
run() {
    local c=$1 script=$2 d="$WORK/$1"
    mkdir -p "$d"
    printf '%s\n' "$script" >"$d/t.ps1"
    HVSH="$HVSH" D="$d" COLUMNS=120 NO_COLOR=1 unshare -n bash -c "cd \"\$D\"; $SETUP
        PPID_PY=\$(cat ppid) CPORT=\$(cat cport) \"\$HVSH\" -NoProfile -NonInteractive -File t.ps1 >out 2>err
        echo \$? >rc; ip -j neigh >neigh.json; kill \$(cat ppid)" >"$d/setup.log" 2>&1
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

run nbview 'Get-NetNeighbor -InterfaceAlias Ethernet -AddressFamily IPv4 | Sort-Object IPAddress'
expect nbview "Get-NetNeighbor: the Windows table view, states Permanent/Stale/Reachable" "
ifIndex IPAddress                                          LinkLayerAddress      State       PolicyStore
------- ---------                                          ----------------      -----       -----------
3       10.0.0.7                                           00-15-5D-00-00-07     Permanent   ActiveStore
3       10.0.0.8                                           00-15-5D-00-00-08     Stale       ActiveStore
3       10.0.0.9                                           00-15-5D-00-00-09     Reachable   ActiveStore"

run nbfilter '
(Get-NetNeighbor -IPAddress 10.0.0.* -State Stale).IPAddress
$n = Get-NetNeighbor -IPAddress fd00::7
"{0} {1} {2} {3} {4}" -f $n.InterfaceAlias, $n.LinkLayerAddress, $n.State, $n.AddressFamily, ($n.ifIndex -eq (Get-NetAdapter Ethernet).ifIndex)
$n.PSObject.TypeNames[0]
(Get-NetNeighbor -LinkLayerAddress 00-15-5D-00-00-07 | Measure-Object).Count
Get-NetNeighbor -IPAddress 10.0.0.99 -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message
$ev[0].FullyQualifiedErrorId'
expect nbfilter "Get-NetNeighbor filters: wildcard+State, IPv6, LinkLayerAddress, not found" "10.0.0.8
Ethernet 00-15-5D-00-00-07 Permanent IPv6 True
Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNeighbor
2
No MSFT_NetNeighbor objects found with property 'IPAddress' equal to '10.0.0.99'.  Verify the value of the property and retry.
CmdletizationQuery_NotFound_IPAddress,Get-NetNeighbor"

run tcp '
$l = Get-NetTCPConnection -State Listen -LocalPort 8080
"{0}:{1} {2}:{3} {4} {5}" -f $l.LocalAddress, $l.LocalPort, $l.RemoteAddress, $l.RemotePort, $l.State, ($l.OwningProcess -eq [int]$env:PPID_PY)
$e = Get-NetTCPConnection -State Established | Sort-Object LocalPort
$e.Count
$c = Get-NetTCPConnection -RemotePort 8080
"{0} {1} {2}" -f ($c.LocalPort -eq [int]$env:CPORT), $c.State, ($c.OwningProcess -eq [int]$env:PPID_PY)
$l.PSObject.TypeNames[0]
$l.CreationTime.GetType().Name
(Get-NetTCPConnection -OwningProcess $env:PPID_PY | Measure-Object).Count
Get-NetTCPConnection -LocalPort 81 -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message'
expect tcp "Get-NetTCPConnection: Listen/Established, ports, OwningProcess, filters, not found" "127.0.0.1:8080 0.0.0.0:0 Listen True
2
True Established True
Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection
DateTime
3
No MSFT_NetTCPConnection objects found with property 'LocalPort' equal to '81'.  Verify the value of the property and retry."

run tcpview 'Get-NetTCPConnection -State Listen | Select-Object LocalAddress, LocalPort, RemoteAddress, RemotePort, State | Format-Table'
expect tcpview "Get-NetTCPConnection piped to Format-Table" "
LocalAddress LocalPort RemoteAddress RemotePort State
------------ --------- ------------- ---------- -----
127.0.0.1         8080 0.0.0.0                0 Listen"

run udp '
Get-NetUDPEndpoint -LocalPort 5353, 5354 | Sort-Object LocalPort | ForEach-Object { "{0} {1} {2}" -f $_.LocalAddress, $_.LocalPort, ($_.OwningProcess -eq [int]$env:PPID_PY) }
Get-NetUDPEndpoint -LocalAddress "::"'
expect udp "Get-NetUDPEndpoint: IPv4 and IPv6 sockets, owner, table view" "0.0.0.0 5353 True
:: 5354 True

LocalAddress                             LocalPort
------------                             ---------
::                                       5354"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
