#!/bin/bash
# sys_diag.sh — Test-Connection and Test-NetConnection end to end, in network namespaces this
# script creates: loopback, and a veth pair whose far end lives in a second namespace with a
# TCP listener. Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-sysdiag.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -20; }

if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
    echo "not ok - these tests need root to create network namespaces"
    echo "0 passed, 1 failed"
    exit 1
fi

# run CASE SETUP PS1: a fresh namespace; SETUP (bash) runs first, then the script.
# The far namespace (if SETUP makes one) is a `sleep` whose pid is in $WORK/CASE/peer.
run() {
    local c=$1 setup=$2 script=$3 d="$WORK/$1"
    mkdir -p "$d"
    printf '%s\n' "$script" >"$d/t.ps1"
    HVSH="$HVSH" D="$d" COLUMNS=120 NO_COLOR=1 unshare -n bash -c "cd \"\$D\"; ip link set lo up
        $setup
        \"\$HVSH\" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo \$? >rc
        [ -f peer ] && kill \$(cat peer) 2>/dev/null; [ -f lpid ] && kill \$(cat lpid) 2>/dev/null; true" \
        >"$d/setup.log" 2>&1
}
# expect CASE DESCRIPTION EXPECTED-STDOUT
expect() {
    local got
    got=$(cat "$WORK/$1/out")
    if [ "$got" = "$3" ]; then ok "$2"; else notok "$2" "expected:
$3
got:
$got
stderr: $(cat "$WORK/$1/err")"; fi
}
has_err() { sed -E 's/^ +\| //' "$WORK/$1/err" | paste -sd' ' | grep -qF -- "$2"; }
check_err() { if has_err "$1" "$3"; then ok "$2"; else notok "$2" "stderr: $(cat "$WORK/$1/err")"; fi; }

# A veth "Ethernet" (10.0.0.1/24) whose peer (10.0.0.2/24) is in a second namespace that
# listens on TCP 8080 (python3).
PEER='unshare -n sleep 60 & echo $! >peer; sleep 0.2
    ip link add Ethernet type veth peer name p1 netns $(cat peer)
    ip addr add 10.0.0.1/24 dev Ethernet; ip link set Ethernet up
    nsenter -t $(cat peer) -n sh -c "ip link set lo up; ip addr add 10.0.0.2/24 dev p1; ip link set p1 up"
    nsenter -t $(cat peer) -n python3 -c "import socket,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"0.0.0.0\", 8080)); s.listen(8)
time.sleep(50)" & echo $! >lpid
    for i in 1 2 3 4 5 6 7 8 9 10; do nsenter -t $(cat peer) -n ss -ltn | grep -q :8080 && break; sleep 0.2; done
    ping -c1 -W2 10.0.0.2 >/dev/null 2>&1'
cd "$WORK" || exit 1
cd - >/dev/null || exit 1

# 1. loopback ping objects (raw socket: ping_group_range excludes root's group)
run lo 'sysctl -qw net.ipv4.ping_group_range="1 0"' '
$r = Test-Connection -TargetName 127.0.0.1 -Count 2 -Delay 1
$r.Count
$r | ForEach-Object { "{0} {1} {2} {3} {4}" -f $_.Ping, $_.Destination, $_.Address, $_.Status, $_.BufferSize }
$r[0].GetType().FullName
$r[0].PSObject.TypeNames[0]
$r[0].Status -eq "Success"
$r[0].Status.GetType().FullName
$r[0].Latency -ge 0
$r[0].Reply.Status
$r[0].Source -eq [System.Net.Dns]::GetHostName() -or $r[0].Source.Length -gt 0
(Test-Connection 127.0.0.1 -Repeat -Delay 1 | Select-Object -First 2 | ForEach-Object Ping) -join ","'
expect lo "Test-Connection loopback: 2 PingStatus objects, Success, raw socket" "2
1 127.0.0.1 127.0.0.1 Success 32
2 127.0.0.1 127.0.0.1 Success 32
Microsoft.PowerShell.Commands.TestConnectionCommand+PingStatus
Microsoft.PowerShell.Commands.TestConnectionCommand+PingStatus
True
System.Net.NetworkInformation.IPStatus
True
Success
True
1,2"

# 2. the unprivileged ICMP datagram socket path (root's group 0 inside the range)
run dgram 'sysctl -qw net.ipv4.ping_group_range="0 0"' '
(Test-Connection 127.0.0.1 -Count 1).Status.ToString()
Test-Connection "::1" -Count 1 -Quiet
(Test-Connection -ComputerName 127.0.0.1 -Count 1 -BufferSize 100).BufferSize
(Test-Connection 127.0.0.1 -Count 1 -ResolveDestination).Destination'
expect dgram "Test-Connection through an ICMP datagram socket (IPv4, IPv6), -ComputerName, -ResolveDestination" "Success
True
100
localhost"

# 3. -Quiet: True/False per target; no route -> False, no error
run quiet '' '
Test-Connection 127.0.0.1, 10.9.9.9 -Count 1 -Quiet
Test-Connection nosuch.invalid -Count 1 -Quiet
"errors: $($Error.Count)"'
expect quiet "Test-Connection -Quiet: True, False (no route), False (unresolvable), no errors" "True
False
False
errors: 0"

# 4. no route: a result with the status, not an error
run noroute '' '
$r = Test-Connection 10.9.9.9 -Count 1
"$($r.Status) $($r.DisplayAddress) $($r.Latency)"'
expect noroute "Test-Connection without a route: Status DestinationNetworkUnreachable" \
    "DestinationNetworkUnreachable * 0"

# 5. unresolvable name: the pwsh error
run badname '' '
Test-Connection nosuch.invalid -Count 1 -ErrorVariable ev -ErrorAction SilentlyContinue
$ev[0].FullyQualifiedErrorId
$ev[0].CategoryInfo.Category.ToString()
$ev[0].Exception.Message
Test-Connection nosuch.invalid -Count 1'
expect badname "Test-Connection unresolvable name: error id, category, message" \
    "TestConnectionException,Microsoft.PowerShell.Commands.TestConnectionCommand
ResourceUnavailable
Testing connection to computer 'nosuch.invalid' failed: Cannot resolve the target name."
check_err badname "Test-Connection unresolvable name on stderr" \
    "Testing connection to computer 'nosuch.invalid' failed: Cannot resolve the target name."

# 6. over a veth pair to another namespace: ping, TCP port open/closed, timeout
run veth "$PEER" '
(Test-Connection 10.0.0.2 -Count 1).Status.ToString()
Test-Connection 10.0.0.2 -TcpPort 8080
Test-Connection 10.0.0.2 -TcpPort 8081 -Count 1
$d = Test-Connection 10.0.0.2 -TcpPort 8080 -Count 2 -Detailed
$d | ForEach-Object { "{0} {1} {2} {3} {4}" -f $_.Id, $_.TargetAddress, $_.Port, $_.Connected, $_.Status }
$d[0].PSObject.TypeNames[0]
(Test-Connection 10.0.0.9 -Count 1 -TimeoutSeconds 1).Status.ToString()'
expect veth "Test-Connection over veth: ping, -TcpPort open/closed, -Detailed, timeout" "Success
True
False
1 10.0.0.2 8080 True Success
2 10.0.0.2 8080 True Success
Microsoft.PowerShell.Commands.TestConnectionCommand+TcpPortStatus
TimedOut"

# 7. Test-NetConnection over the veth pair: route lookup gives alias + source
run tnc "$PEER" '
$r = Test-NetConnection 10.0.0.2
"{0}|{1}|{2}|{3}|{4}" -f $r.ComputerName, $r.RemoteAddress, $r.InterfaceAlias, $r.SourceAddress, $r.PingSucceeded
$r.PSObject.TypeNames[0]
$t = Test-NetConnection -ComputerName 10.0.0.2 -Port 8080
"{0}|{1}|{2}" -f $t.RemotePort, $t.TcpTestSucceeded, $t.InterfaceAlias
Test-NetConnection 10.0.0.2 -Port 8080 -InformationLevel Quiet
Test-NetConnection 10.0.0.2 -Port 8081 -InformationLevel Quiet 3>$null
Test-NetConnection 10.0.0.2 -InformationLevel Quiet
Test-NetConnection 10.0.0.9 -InformationLevel Quiet 3>$null'
expect tnc "Test-NetConnection: alias Ethernet, source 10.0.0.1, ping, TCP open/closed, Quiet" \
    "10.0.0.2|10.0.0.2|Ethernet|10.0.0.1|True
TestNetConnectionResult
8080|True|Ethernet
True
False
True
False"
run tncwarn "$PEER" 'Test-NetConnection 10.0.0.2 -Port 8081 -InformationLevel Quiet
$w = Test-NetConnection 10.0.0.2 -Port 8082 -WarningVariable wv -WarningAction SilentlyContinue
"$wv"' 
expect tncwarn "Test-NetConnection closed port: the Windows warning (stream and -WarningVariable)" "WARNING: TCP connect to (10.0.0.2 : 8081) failed
False
TCP connect to (10.0.0.2 : 8082) failed"

# 8. default list views (deterministic over the veth pair on loopback-free routes)
run tncview "$PEER" '
Test-NetConnection 10.0.0.2 -Port 8080
Test-NetConnection 10.0.0.2 -Port 8081 -WarningAction SilentlyContinue | Format-List ComputerName, RemotePort, PingSucceeded, TcpTestSucceeded
Test-NetConnection 10.0.0.2 -CommonTCPPort HTTP -InformationLevel Detailed -WarningAction SilentlyContinue | Select-Object RemotePort, "NetRoute (NextHop)", NameResolutionResults'
expect tncview "Test-NetConnection: TCP list view, -CommonTCPPort HTTP, Detailed properties" "
ComputerName     : 10.0.0.2
RemoteAddress    : 10.0.0.2
RemotePort       : 8080
InterfaceAlias   : Ethernet
SourceAddress    : 10.0.0.1
TcpTestSucceeded : True


ComputerName     : 10.0.0.2
RemotePort       : 8081
PingSucceeded    : True
TcpTestSucceeded : False


RemotePort NetRoute (NextHop) NameResolutionResults
---------- ------------------ ---------------------
        80 0.0.0.0            {10.0.0.2}"

# 9. name resolution failure: warning + result with PingSucceeded False
run tncbad '' '
$r = Test-NetConnection nosuch.invalid
"---"
"[{0}] [{1}] {2}" -f $r.ComputerName, $r.RemoteAddress, $r.PingSucceeded'
expect tncbad "Test-NetConnection unresolvable: warning, result with PingSucceeded False" "WARNING: Name resolution of nosuch.invalid failed
---
[nosuch.invalid] [] False"

# 10. -Traceroute through a router namespace (R forwards between 10.1.0.0/24 and 10.2.0.0/24),
#     with the raw socket and with the ICMP datagram socket (TTL errors from IP_RECVERR)
ROUTER='unshare -n sleep 60 & r=$!; unshare -n sleep 60 & t=$!; echo "$r $t" >peer; sleep 0.3
    ip link add a0 type veth peer name a1 netns $r
    ip addr add 10.1.0.1/24 dev a0; ip link set a0 up; ip route add default via 10.1.0.2
    nsenter -t $r -n sh -c "ip link set lo up; ip addr add 10.1.0.2/24 dev a1; ip link set a1 up; sysctl -qw net.ipv4.ip_forward=1 net.ipv4.icmp_ratelimit=0"
    nsenter -t $r -n ip link add b1 type veth peer name b0 netns $t
    nsenter -t $r -n sh -c "ip addr add 10.2.0.1/24 dev b1; ip link set b1 up"
    nsenter -t $t -n sh -c "ip link set lo up; ip addr add 10.2.0.2/24 dev b0; ip link set b0 up; ip route add default via 10.2.0.1"
    nsenter -t $r -n ip link set b1 mtu 1400; nsenter -t $t -n ip link set b0 mtu 1400'
TRACE='$t = Test-Connection 10.2.0.2 -Traceroute -TimeoutSeconds 1
$t | ForEach-Object { "{0} {1} {2} {3} {4}" -f $_.Hop, $_.Ping, $_.Hostname, $_.Status, $_.TargetAddress }
$t[0].PSObject.TypeNames[0]
Test-Connection 10.2.0.2 -Traceroute -Quiet
Test-Connection 10.2.0.2 -Traceroute -MaxHops 1 -Quiet -TimeoutSeconds 1
$n = Test-NetConnection 10.2.0.2 -TraceRoute
"{0} | {1} | {2}" -f ($n.TraceRoute -join ","), $n.PingSucceeded, $n.InterfaceAlias
(Test-NetConnection 10.2.0.2 -TraceRoute -Hops 1).TraceRoute
Test-Connection 10.2.0.2 -MtuSize | ForEach-Object { "{0} {1} {2} {3}" -f $_.MtuSize, $_.Status, $_.Address, $_.PSObject.TypeNames[0] }
Test-Connection 10.1.0.2 -MtuSizeDetect -Quiet
Test-Connection 127.0.0.1 -MtuSize -Quiet
(Test-Connection 10.2.0.2 -Count 1 -BufferSize 1400 -DontFragment).Status.ToString()
(Test-Connection 10.2.0.2 -Count 1 -BufferSize 1400).Status.ToString()
$d = Test-NetConnection 10.2.0.2 -DiagnoseRouting
"{0} {1} {2} {3} {4}" -f $d.SelectedSourceAddress, $d.OutgoingInterfaceAlias, $d.SelectedNetRoute.DestinationPrefix, $d.SelectedNetRoute.NextHop, $d.RouteDiagnosticsSucceeded
(Test-NetConnection 10.1.0.7 -DiagnoseRouting).SelectedNetRoute.DestinationPrefix'
TRACE_OUT="1 1 10.1.0.2 TtlExpired 10.2.0.2
1 2 10.1.0.2 TtlExpired 10.2.0.2
1 3 10.1.0.2 TtlExpired 10.2.0.2
2 1 10.2.0.2 Success 10.2.0.2
2 2 10.2.0.2 Success 10.2.0.2
2 3 10.2.0.2 Success 10.2.0.2
Microsoft.PowerShell.Commands.TestConnectionCommand+TraceStatus
True
False
10.1.0.2,10.2.0.2 | True | a0
10.1.0.2
1400 Success 10.2.0.2 Microsoft.PowerShell.Commands.TestConnectionCommand+PingMtuStatus
1500
65535
PacketTooBig
Success
10.1.0.1 a0 0.0.0.0/0 10.1.0.2 True
10.1.0.0/24"
run traceraw "sysctl -qw net.ipv4.ping_group_range='1 0'; $ROUTER" "$TRACE"
expect traceraw "-Traceroute / -MtuSize over a router (raw socket): TtlExpired hop, then the target; Test-NetConnection -TraceRoute; path MTU 1400 from 'packet too big'" "$TRACE_OUT"
run tracedgram "sysctl -qw net.ipv4.ping_group_range='0 0'; $ROUTER" "$TRACE"
expect tracedgram "-Traceroute / -MtuSize over a router (ICMP datagram socket, errors from IP_RECVERR)" "$TRACE_OUT"

# 11. parameter validation from the tables
run validate '' '
try { Test-Connection 127.0.0.1 -TcpPort 70000 } catch { $_.FullyQualifiedErrorId }
try { Test-NetConnection 127.0.0.1 -InformationLevel Loud } catch { $_.FullyQualifiedErrorId }'
expect validate "parameter validation: -TcpPort range, -InformationLevel set" \
    "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.TestConnectionCommand
ParameterArgumentValidationError,Test-NetConnection"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
