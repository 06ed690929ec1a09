#!/bin/bash
# sys_dns.sh — Resolve-DnsName against a tiny DNS server (tests/suites/sys/dnsserver.py) that
# this script runs on 127.0.0.1:53 inside a network namespace; the resolv.conf hvsh reads is
# a temporary file ($HVSH_RESOLV_CONF). Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
SRV=$PWD/tests/suites/sys/dnsserver.py
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-sysdns.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null || ! command -v python3 >/dev/null; then
    echo "not ok - these tests need root (network namespaces) and python3"
    echo "0 passed, 1 failed"
    exit 1
fi

# run CASE PS1 [RESOLV.CONF-TEXT]: server up in a fresh namespace, then the script.
run() {
    local c=$1 script=$2 conf=${3:-nameserver 127.0.0.1} d="$WORK/$1"
    mkdir -p "$d"
    printf '%s\n' "$script" >"$d/t.ps1"
    printf '%s\n' "$conf" >"$d/resolv.conf"
    HVSH="$HVSH" SRV="$SRV" D="$d" HVSH_RESOLV_CONF="$d/resolv.conf" COLUMNS=120 NO_COLOR=1 \
        unshare -n bash -c 'ip link set lo up; cd "$D"
        python3 "$SRV" "$D/qlog" >srv.out 2>&1 & sp=$!
        for i in $(seq 50); do grep -q ready srv.out 2>/dev/null && break; sleep 0.1; done
        "$HVSH" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo $? >rc
        kill $sp' >"$d/setup.log" 2>&1
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
has_err() { sed -E 's/^ +\| //' "$WORK/$1/err" | paste -sd' ' | grep -qF -- "$2"; }
check_err() { if has_err "$1" "$3"; then ok "$2"; else notok "$2" "stderr: $(cat "$WORK/$1/err")"; fi; }

run a '
$r = Resolve-DnsName -Name www.lab.test
$r | ForEach-Object { "{0}|{1}|{2}|{3}|{4}" -f $_.Name, $_.Type, $_.TTL, $_.Section, $_.IPAddress }
$r[0].PSObject.TypeNames[0]
$r[1].PSObject.TypeNames[0]
$r[0].IP4Address
$r[1].IP6Address
$r[0].TTL.GetType().Name
Resolve-DnsName www.lab.test -Type A -DnsOnly'
expect a "A_AAAA by default: DnsRecord_A + DnsRecord_AAAA; -Type A table view" "www.lab.test|A|120|Answer|10.0.0.5
www.lab.test|AAAA|120|Answer|fd00::5
Microsoft.DnsClient.Commands.DnsRecord_A
Microsoft.DnsClient.Commands.DnsRecord_AAAA
10.0.0.5
fd00::5
UInt32

Name                                           Type   TTL   Section    IPAddress
----                                           ----   ---   -------    ---------
www.lab.test                                   A      120   Answer     10.0.0.5"

run cname '
Resolve-DnsName alias.lab.test -Type A | ForEach-Object { "{0}|{1}|{2}{3}" -f $_.Name, $_.Type, $_.NameHost, $_.IPAddress }
(Resolve-DnsName alias.lab.test -Type CNAME).NameHost'
expect cname "CNAME chain: CNAME record then the A record; -Type CNAME" "alias.lab.test|CNAME|www.lab.test
www.lab.test|A|10.0.0.5
www.lab.test"

run mx '
Resolve-DnsName lab.test -Type MX | Sort-Object Preference | ForEach-Object { "{0} {1} {2}" -f $_.NameExchange, $_.Preference, $_.PSObject.TypeNames[0] }
(Resolve-DnsName lab.test -Type TXT | ForEach-Object { $_.Strings -join "+" }) -join ","
(Resolve-DnsName lab.test -Type NS).NameHost
$s = Resolve-DnsName lab.test -Type SOA
"{0} {1} {2} {3} {4} {5} {6}" -f $s.PrimaryServer, $s.NameAdministrator, $s.SerialNumber, $s.TimeToZoneRefresh, $s.TimeToZoneFailureRetry, $s.TimeToExpiration, $s.DefaultTTL
$v = Resolve-DnsName _ldap._tcp.lab.test -Type SRV
"{0} {1} {2} {3}" -f $v.NameTarget, $v.Priority, $v.Weight, $v.Port'
expect mx "MX, TXT, NS, SOA, SRV records decoded" "mail.lab.test 10 Microsoft.DnsClient.Commands.DnsRecord_MX
mail2.lab.test 20 Microsoft.DnsClient.Commands.DnsRecord_MX
v=spf1 -all,hello+world
ns1.lab.test
ns1.lab.test hostmaster.lab.test 2024010101 3600 600 86400 300
dc1.lab.test 0 100 389"

run ptr '
$p = Resolve-DnsName 10.0.0.5
"{0} {1} {2}" -f $p.Name, $p.Type, $p.NameHost
(Resolve-DnsName -Name 10.0.0.5 -Type PTR).NameHost'
expect ptr "an address is looked up as PTR (in-addr.arpa)" "5.0.0.10.in-addr.arpa PTR www.lab.test
www.lab.test"

run nx '
Resolve-DnsName nosuch.lab.test -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].FullyQualifiedErrorId
$ev[0].CategoryInfo.Category.ToString()
$ev[0].TargetObject
try { Resolve-DnsName nosuch.lab.test -ErrorAction Stop } catch { $_.Exception.Message }
Resolve-DnsName fail.lab.test -ErrorAction SilentlyContinue -ErrorVariable e2; $e2[0].Exception.Message
Resolve-DnsName outside.example -ErrorAction SilentlyContinue -ErrorVariable e3; $e3[0].Exception.Message
Resolve-DnsName nosuch.lab.test'
expect nx "NXDOMAIN: DNS_ERROR_RCODE_NAME_ERROR 'DNS name does not exist'; SERVFAIL; REFUSED" "DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName
ResourceUnavailable
nosuch.lab.test
nosuch.lab.test : DNS name does not exist
fail.lab.test : DNS server failure
outside.example : DNS request refused"
check_err nx "NXDOMAIN on stderr" "nosuch.lab.test : DNS name does not exist"

run nodata '
$r = Resolve-DnsName www.lab.test -Type MX
"{0} {1} {2}" -f $r.Type, $r.Section, $r.PrimaryServer'
expect nodata "no records of the type: the zone SOA in the Authority section" "SOA Authority ns1.lab.test"

run tc '
(Resolve-DnsName big.lab.test -Type TXT).Count
(Resolve-DnsName v4only.lab.test -Type A -TcpOnly).IPAddress'
expect tc "truncated UDP reply retried over TCP; -TcpOnly" "4
10.0.0.6"
if grep -q "^udp big.lab.test 16" "$WORK/tc/qlog" && grep -q "^tcp big.lab.test 16" "$WORK/tc/qlog" &&
    grep -q "^tcp v4only.lab.test 1" "$WORK/tc/qlog" && ! grep -q "^udp v4only" "$WORK/tc/qlog"; then
    ok "server log: UDP then TCP for the big answer; TCP only with -TcpOnly"
else notok "server log: UDP then TCP for the big answer; TCP only with -TcpOnly" "$(cat "$WORK/tc/qlog")"; fi

# -Server overrides resolv.conf (which points at a silent address)
run server '
(Resolve-DnsName www.lab.test -Type A -Server 127.0.0.1).IPAddress
Resolve-DnsName www.lab.test -Type A -QuickTimeout -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].FullyQualifiedErrorId
$ev[0].Exception.Message' 'nameserver 127.0.0.9'
expect server "-Server overrides resolv.conf; a silent server times out (ERROR_TIMEOUT)" "10.0.0.5
ERROR_TIMEOUT,Microsoft.DnsClient.Commands.ResolveDnsName
www.lab.test : This operation returned because the timeout period expired"

# the first resolv.conf nameserver that answers wins; order kept
run order '
(Resolve-DnsName v4only.lab.test -Type A -QuickTimeout).IPAddress' 'search lab
nameserver 127.0.0.9
nameserver 127.0.0.1'
expect order "resolv.conf nameservers tried in order" "10.0.0.6"

run bad '
try { Resolve-DnsName www.lab.test -Type BOGUS } catch { $_.FullyQualifiedErrorId }
"www.lab.test" | Resolve-DnsName -Type A | ForEach-Object IPAddress
[pscustomobject]@{Name="lab.test"; Type="NS"} | Resolve-DnsName | ForEach-Object NameHost'
expect bad "-Type validation; -Name and -Type from the pipeline" "ParameterArgumentValidationError,Microsoft.DnsClient.Commands.ResolveDnsName
10.0.0.5
ns1.lab.test"

# the hosts file answers A/AAAA first (Section Question), unless -DnsOnly / -NoHostsFile
printf '10.0.0.77 labhost labhost.lab.test # comment\nfd00::77 labhost\n10.0.0.5 www.lab.test\n' >"$WORK/hosts.txt"
HVSH_HOSTS="$WORK/hosts.txt" run hosts '
Resolve-DnsName labhost | ForEach-Object { "{0} {1} {2} {3} {4}" -f $_.Name, $_.Type, $_.TTL, $_.Section, $_.IPAddress }
(Resolve-DnsName LABHOST.lab.test -Type AAAA -ErrorAction SilentlyContinue | Measure-Object).Count
(Resolve-DnsName labhost.lab.test -Type A).IPAddress
Resolve-DnsName labhost.lab.test -DnsOnly -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].Exception.Message
(Resolve-DnsName www.lab.test -Type A -NoHostsFile).Section'
expect hosts "hosts file: A and AAAA in file order, Section Question, TTL 1200; -DnsOnly/-NoHostsFile ask DNS" "labhost A 1200 Question 10.0.0.77
labhost AAAA 1200 Question fd00::77
0
10.0.0.77
labhost.lab.test : DNS name does not exist
Answer"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
