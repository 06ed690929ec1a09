#!/bin/bash
# net_conformance.sh — what the networking cmdlets print, compared with
# shared/reference/hyperv-cmdlets.md (§4.8 views, §6-§9 parameter sets, §11 errors, §12 the
# seed's sequence). Every case runs in a fresh network namespace made here (`unshare -n`),
# with its own state dir and resolv.conf; exact stdout at 120 columns.
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-netconf.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -40; }

if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi
if ! "${NSCMD[@]}" true 2>/dev/null; then
    echo "not ok - cannot create a network namespace"
    echo "0 passed, 1 failed"
    exit 1
fi

# A host NIC "Ethernet" with a fixed MAC (so views are stable), forwarding already on (so
# New-NetNat has nothing to warn about), loopback up.
SETUP='sysctl -qw net.ipv4.ip_forward=1
ip link add Ethernet address 00:15:5d:10:31:10 type veth peer name peer0
ip link set Ethernet up; ip link set peer0 up; ip link set lo up'

# golden CASE SCRIPT <<EXPECTED: runs SCRIPT in a fresh namespace, compares stdout with the
# expected text on stdin byte for byte and requires an empty stderr.
golden() {
    local c=$1 script=$2 d="$WORK/$1"
    mkdir -p "$d/state"
    printf 'search lab\nnameserver 9.9.9.9\n' >"$d/resolv.conf"
    printf '%s\n' "$script" >"$d/t.ps1"
    cat >"$d/want"
    HVSH="$HVSH" D="$d" HVSH_STATE_DIR="$d/state" HVSH_RESOLV_CONF="$d/resolv.conf" \
        HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 COLUMNS=120 NO_COLOR=1 \
        "${NSCMD[@]}" bash -c "$SETUP
        cd \"\$D\"; \"\$HVSH\" -NoProfile -NonInteractive -File t.ps1 >out 2>err" \
        >"$d/setup.log" 2>&1
    if ! cmp -s "$d/want" "$d/out"; then
        notok "$c: stdout" "$(diff -u "$d/want" "$d/out")"
    elif [ -s "$d/err" ]; then
        notok "$c: stderr not empty" "$(cat "$d/err")"
    else
        ok "$c"
    fi
}

# ------------------------------------------------------------------------------------------
# §12 C-G: the seed's network half verbatim (en dashes, curly quotes; DNS server filled in).
# C prints the one-row switch table, D the MSFT_NetNat list with the default timeouts,
# E and F two MSFT_NetIPAddress entries each (ActiveStore, then PersistentStore with
# AddressState Invalid), G (netsh) nothing. Run as one script, the switch table comes first,
# so the later objects are formatted out of band: each as its own list.
golden seed_sequence "$(cat <<'EOF'
new-vmswitch -name VmNAT -SwitchType Internal
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
get-netadapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
Netsh interface ip add dnsserver “Ethernet” address=1.1.1.1
EOF
)" <<'EOF'

Name  SwitchType NetAdapterInterfaceDescription
----  ---------- ------------------------------
VmNAT Internal   

Name                             : LocalNAT
ExternalIPInterfaceAddressPrefix : 
InternalIPInterfaceAddressPrefix : 192.168.100.0/24
IcmpQueryTimeout                 : 30
TcpEstablishedConnectionTimeout  : 1800
TcpTransientConnectionTimeout    : 120
TcpFilteringBehavior             : AddressDependentFiltering
UdpFilteringBehavior             : AddressDependentFiltering
UdpIdleSessionTimeout            : 120
UdpInboundRefresh                : False
Store                            : Local
Active                           : True


IPAddress         : 192.168.100.1
InterfaceIndex    : 4
InterfaceAlias    : vEthernet (VmNAT)
AddressFamily     : IPv4
Type              : Unicast
PrefixLength      : 24
PrefixOrigin      : Manual
SuffixOrigin      : Manual
AddressState      : Preferred
ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
SkipAsSource      : False
PolicyStore       : ActiveStore


IPAddress         : 192.168.100.1
InterfaceIndex    : 4
InterfaceAlias    : vEthernet (VmNAT)
AddressFamily     : IPv4
Type              : Unicast
PrefixLength      : 24
PrefixOrigin      : Manual
SuffixOrigin      : Manual
AddressState      : Invalid
ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
SkipAsSource      : False
PolicyStore       : PersistentStore


IPAddress         : 192.168.100.2
InterfaceIndex    : 3
InterfaceAlias    : Ethernet
AddressFamily     : IPv4
Type              : Unicast
PrefixLength      : 24
PrefixOrigin      : Manual
SuffixOrigin      : Manual
AddressState      : Preferred
ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
SkipAsSource      : False
PolicyStore       : ActiveStore


IPAddress         : 192.168.100.2
InterfaceIndex    : 3
InterfaceAlias    : Ethernet
AddressFamily     : IPv4
Type              : Unicast
PrefixLength      : 24
PrefixOrigin      : Manual
SuffixOrigin      : Manual
AddressState      : Invalid
ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
SkipAsSource      : False
PolicyStore       : PersistentStore



EOF

# ------------------------------------------------------------------------------------------
# §4.8 default views: the Get-NetAdapter table, the two-line header of
# Get-DnsClientServerAddress (each alone: after another table it would be out of band).
golden view_netadapter 'Get-NetAdapter -Name Ethernet' <<'EOF'

Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed
----                      --------------------                    ------- ------       ----------             ---------
Ethernet                  Virtual Ethernet Adapter                      3 Up           00-15-5D-10-31-10        10 Gbps

EOF

golden view_dnsclient "$(cat <<'EOF'
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 10.10.10.10, 10.10.10.11
Get-DnsClientServerAddress -InterfaceAlias Ethernet
EOF
)" <<'EOF'

InterfaceAlias               Interface Address ServerAddresses
                                 Index  Family
--------------               --------- ------- ---------------
Ethernet                             3 IPv4    {10.10.10.10, 10.10.10.11}
Ethernet                             3 IPv6    {}

EOF

# New-NetIPAddress emits two objects: scripts that keep the result get an array.
golden new_netipaddress_result "$(cat <<'EOF'
$r = New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.5 -PrefixLength 24
$r.Count
$r.PolicyStore
$r.PrefixLength
$r[0].pstypenames[0]
EOF
)" <<'EOF'
2
ActiveStore
PersistentStore
24
24
Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress
EOF

# ------------------------------------------------------------------------------------------
# §11: the CDXML not-found errors and the CimException errors, as $Error[0] shows them.
golden error_catalogue "$(cat <<'EOF'
function Show-LastError {
    $e = $Error[0]
    $e.Exception.Message
    "$($e.CategoryInfo)"
    $e.FullyQualifiedErrorId
    $Error.Clear()
}
Get-NetAdapter -Name X -ErrorAction SilentlyContinue
Show-LastError
$null -eq (Get-NetAdapter -Name X -ErrorAction SilentlyContinue)
$Error.Clear()
# a wildcard that matches nothing is not an error
Get-NetAdapter -Name 'X*' -ErrorAction SilentlyContinue
$Error.Count
Get-NetNat -Name X -ErrorAction SilentlyContinue
Show-LastError
Set-DnsClientServerAddress -InterfaceIndex 99 -ServerAddresses 10.0.0.1 -ErrorAction SilentlyContinue
Show-LastError
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.5 -PrefixLength 24 | Out-Null
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.5 -PrefixLength 24 -ErrorAction SilentlyContinue
Show-LastError
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.6 -PrefixLength 24 -DefaultGateway 10.0.0.1 | Out-Null
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.7 -PrefixLength 24 -DefaultGateway 10.0.0.1 -ErrorAction SilentlyContinue
Show-LastError
New-NetIPAddress -InterfaceAlias Nope -IPAddress 10.0.0.8 -PrefixLength 24 -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category
$Error.Clear()
try { New-NetIPAddress -InterfaceAlias Ethernet -IPAddress } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
New-NetNat -Name A -InternalIPInterfaceAddressPrefix 192.168.5.0/24 | Out-Null
New-NetNat -Name B -InternalIPInterfaceAddressPrefix 192.168.5.0/24 -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category
EOF
)" <<'EOF'
No MSFT_NetAdapter objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.
ObjectNotFound: (X:String) [Get-NetAdapter], CimJobException
CmdletizationQuery_NotFound_Name,Get-NetAdapter
True
0
No MSFT_NetNat objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.
ObjectNotFound: (X:String) [Get-NetNat], CimJobException
CmdletizationQuery_NotFound_Name,Get-NetNat
No MSFT_DNSClientServerAddress objects found with property 'InterfaceIndex' equal to '99'.  Verify the value of the property and retry.
ObjectNotFound: (99:String) [Set-DnsClientServerAddress], CimJobException
CmdletizationQuery_NotFound_InterfaceIndex,Set-DnsClientServerAddress
Instance MSFT_NetIPAddress already exists
InvalidArgument: (MSFT_NetIPAddress:String) [New-NetIPAddress], CimException
Windows System Error 87,New-NetIPAddress
Instance DefaultGateway already exists
InvalidArgument: (MSFT_NetIPAddress:String) [New-NetIPAddress], CimException
Windows System Error 87,New-NetIPAddress
Windows System Error 1168,New-NetIPAddress
ObjectNotFound
MissingArgument,New-NetIPAddress
Missing an argument for parameter 'IPAddress'. Specify a parameter of type 'System.String' and try again.
Windows System Error 87,New-NetNat
InvalidArgument
EOF

# ------------------------------------------------------------------------------------------
# §7 parameter sets: Remove-NetIPAddress -InputObject takes no query filters.
golden remove_inputobject_set "$(cat <<'EOF'
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.0.0.5 -PrefixLength 24 | Out-Null
$a = Get-NetIPAddress -IPAddress 10.0.0.5
try { Remove-NetIPAddress -InputObject $a -PrefixLength 24 -Confirm:$false } catch { $_.FullyQualifiedErrorId }
@(Get-NetIPAddress -IPAddress 10.0.0.5 -ErrorAction SilentlyContinue).Count
Remove-NetIPAddress -InputObject $a -Confirm:$false
@(Get-NetIPAddress -IPAddress 10.0.0.5 -ErrorAction SilentlyContinue).Count
EOF
)" <<'EOF'
AmbiguousParameterSet,Remove-NetIPAddress
1
0
EOF

# ------------------------------------------------------------------------------------------
# §7 Remove-NetIPAddress removes exactly the address asked for. The 2022 text of the doc puts
# 192.168.100.1 and .2 (with the gateway) on the same adapter; removing .1 must leave .2
# (Linux would flush secondaries of the subnet with their primary).
golden remove_one_of_subnet "$(cat <<'EOF'
new-vmswitch -name VmNAT -SwitchType Internal | Out-Null
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.2 -AddressFamily IPv4 -PrefixLength 24 | Out-Null
Remove-NetIPAddress -IPAddress 192.168.100.1 -Confirm:$false
Get-NetIPAddress -InterfaceAlias 'vEthernet (VmNAT)' -AddressFamily IPv4 | ForEach-Object { '{0}/{1}' -f $_.IPAddress, $_.PrefixLength }
EOF
)" <<'EOF'
192.168.100.2/24
EOF

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
