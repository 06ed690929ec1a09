#!/bin/bash
# sys_fw.sh — the NetSecurity cmdlets (*-NetFirewallRule) in network namespaces this script
# creates: the nftables table `inet hvsh_fw` read back with `nft -j` + jq, the saved state
# file, real traffic through a veth pair (a Block rule stops a TCP connection), -WhatIf,
# validation, and `hvsh -Restore`. Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-sysfw.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }
check() { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else notok "$d"; fi; }
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null || ! command -v jq >/dev/null || ! command -v nft >/dev/null; then
    echo "not ok - these tests need root (network namespaces), nft and jq"
    echo "0 passed, 1 failed"
    exit 1
fi

# run CASE SETUP PS1 [AFTER]: fresh namespace + state dir; SETUP (bash), the script, AFTER
# (bash, e.g. a traffic test), then nft.json + the state file are kept in $WORK/CASE.
run() {
    local c=$1 setup=$2 script=$3 after=${4:-true} d="$WORK/$1"
    mkdir -p "$d/state"
    printf '%s\n' "$script" >"$d/t.ps1"
    HVSH="$HVSH" D="$d" HVSH_STATE_DIR="$d/state" COLUMNS=120 NO_COLOR=1 unshare -n bash -c "
        cd \"\$D\"; ip link set lo up; $setup
        \"\$HVSH\" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo \$? >rc
        nft -j list ruleset >nft.json 2>/dev/null; $after
        [ -f peer ] && kill \$(cat peer) 2>/dev/null; true" >"$d/setup.log" 2>&1
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
jqc() { jq -e "$2" "$WORK/$1" >/dev/null 2>&1; }
rule() { jqc "$1/nft.json" "[.nftables[] | .rule? // empty | select(.table==\"hvsh_fw\" and .comment==\"NetFirewallRule:$2\" and .chain==\"$3\")] | $4"; }

# 1. New-NetFirewallRule: the rule object, the nft rule, the state
run new '' '
$r = New-NetFirewallRule -DisplayName "Allow SSH" -Name SSH-In -Direction Inbound -Protocol TCP -LocalPort 22, 2222 -RemoteAddress 10.0.0.0/24 -Action Allow
"{0}|{1}|{2}|{3}|{4}|{5}" -f $r.Name, $r.DisplayName, $r.Enabled, $r.Direction, $r.Action, $r.Profile
$r.PSObject.TypeNames[0]
$b = New-NetFirewallRule -DisplayName "Block SMB out" -Direction Outbound -Protocol TCP -RemotePort 445 -Action Block
$b.Name -match "^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$"
New-NetFirewallRule -DisplayName Ping -Protocol ICMPv6 -RemoteAddress fd00::/64, 10.1.0.0/16 | Out-Null
New-NetFirewallRule -DisplayName "Block Telnet" -Name Tel -Protocol TCP -LocalPort 23 -Action Block | Out-Null'
expect new "New-NetFirewallRule: object (Name, Enabled True, Inbound, Allow, Profile Any), GUID name" "SSH-In|Allow SSH|True|Inbound|Allow|Any
Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetFirewallRule
True"
check "nft: table inet hvsh_fw with input/output hooks, policy accept" \
    jqc new/nft.json '[.nftables[] | .chain? // empty | select(.table=="hvsh_fw" and .family=="inet" and .policy=="accept")] | length == 2'
check "nft: SSH-In in input: ip saddr 10.0.0.0/24, tcp dport {22,2222}, accept" \
    rule new SSH-In input '.[0].expr | (map(select(.match.left.payload.field=="saddr" and .match.right.prefix.addr=="10.0.0.0")) | length==1) and (map(select(.match.left.payload.field=="dport" and .match.right.set==[22,2222])) | length==1) and (map(select(has("accept"))) | length==1)'
NEWNAME=$(jq -r '.firewall[] | select(.displayName=="Block SMB out") | .name' "$WORK/new/state/netstate.json" 2>/dev/null)
check "nft: the Block rule in output: tcp dport 445 drop" \
    rule new "$NEWNAME" output '.[0].expr | (map(select(.match.right==445)) | length==1) and (map(select(has("drop"))) | length==1)'
check "nft: block rules come before allow rules" \
    jqc new/nft.json '[.nftables[] | .rule? // empty | select(.table=="hvsh_fw" and .chain=="input") | .comment] | index("NetFirewallRule:Tel") < index("NetFirewallRule:SSH-In")'
check "nft: a rule with IPv4 and IPv6 addresses becomes one rule per family" \
    jqc new/nft.json '[.nftables[] | .rule? // empty | select(.table=="hvsh_fw" and .chain=="input") | select(.expr | tostring | test("ipv6-icmp"))] | length == 2'
check "state: four rules saved with their Windows properties" \
    jqc new/state/netstate.json '(.firewall | length == 4) and (.firewall[0] | .name=="SSH-In" and .localPort==["22","2222"] and .remoteAddress==["10.0.0.0/24"] and .enabled==true)'

# 2. Get-NetFirewallRule: list view, filters, not found, filters cmdlets
SETUP_RULES='New-NetFirewallRule -DisplayName "Allow SSH" -Name SSH-In -Protocol TCP -LocalPort 22 -Group Lab | Out-Null
New-NetFirewallRule -DisplayName "Allow Web" -Name Web-In -Protocol TCP -LocalPort 80, 443 -Enabled False | Out-Null
New-NetFirewallRule -DisplayName "Block Out" -Name Blk-Out -Direction Outbound -Action Block -RemoteAddress 10.9.0.0/16 | Out-Null'
run get '' "$SETUP_RULES"'
Get-NetFirewallRule -Name SSH-In
(Get-NetFirewallRule -DisplayName "Allow*").Name -join ","
(Get-NetFirewallRule -Enabled False).Name
(Get-NetFirewallRule -Direction Outbound -Action Block).Name
(Get-NetFirewallRule -Group Lab).Name
(Get-NetFirewallRule).Count
Get-NetFirewallRule -Name Web-In | Get-NetFirewallPortFilter | ForEach-Object { "{0} {1} {2}" -f $_.Protocol, ($_.LocalPort -join "+"), $_.RemotePort }
Get-NetFirewallRule -Name Blk-Out | Get-NetFirewallAddressFilter | ForEach-Object { "{0} {1}" -f $_.LocalAddress, $_.RemoteAddress }
Get-NetFirewallRule -DisplayName nope -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].Exception.Message
$ev[0].FullyQualifiedErrorId'
expect get "Get-NetFirewallRule: list view, -DisplayName wildcard, -Enabled/-Direction/-Action/-Group, filters, not found" "
Name                          : SSH-In
DisplayName                   : Allow SSH
Description                   : 
DisplayGroup                  : Lab
Group                         : Lab
Enabled                       : True
Profile                       : Any
Platform                      : {}
Direction                     : Inbound
Action                        : Allow
EdgeTraversalPolicy           : Block
LooseSourceMapping            : False
LocalOnlyMapping              : False
Owner                         : 
PrimaryStatus                 : OK
Status                        : The rule was parsed successfully from the store. (65536)
EnforcementStatus             : NotApplicable
PolicyStoreSource             : PersistentStore
PolicyStoreSourceType         : Local
RemoteDynamicKeywordAddresses : {}
PolicyAppId                   : 
PackageFamilyName             : 

SSH-In,Web-In
Web-In
Blk-Out
SSH-In
3
TCP 80+443 Any
Any 10.9.0.0/16
No MSFT_NetFirewallRule objects found with property 'DisplayName' equal to 'nope'.  Verify the value of the property and retry.
CmdletizationQuery_NotFound_DisplayName,Get-NetFirewallRule"
check "a disabled rule is saved but has no nft rule" \
    jqc get/nft.json '[.nftables[] | .rule? // empty | select(.comment=="NetFirewallRule:Web-In")] | length == 0'

# 3. Enable/Disable/Set/Remove, -PassThru, pipeline, -WhatIf
run change '' "$SETUP_RULES"'
Enable-NetFirewallRule -DisplayName "Allow Web"
Disable-NetFirewallRule -Name SSH-In -PassThru | ForEach-Object { "{0} {1}" -f $_.Name, $_.Enabled }
Set-NetFirewallRule -Name Web-In -LocalPort 8080 -NewDisplayName "Alt Web" -PassThru | ForEach-Object DisplayName
Get-NetFirewallRule -Name Blk-Out | Remove-NetFirewallRule
Remove-NetFirewallRule -Name SSH-In -WhatIf
(Get-NetFirewallRule).Name -join ","'
expect change "Enable/Disable (-PassThru), Set (-NewDisplayName, -LocalPort), Remove (pipeline), -WhatIf" "SSH-In False
Alt Web
What if: Performing the operation \"Remove-NetFirewallRule\" on target \"Allow SSH (SSH-In)\".
SSH-In,Web-In"
check "nft after the changes: only Web-In, now tcp dport 8080" \
    jqc change/nft.json '[.nftables[] | .rule? // empty | select(.table=="hvsh_fw")] | length == 1 and (.[0].comment=="NetFirewallRule:Web-In") and (.[0].expr | tostring | test("8080"))'
check "state after the changes: SSH-In disabled, Web-In enabled on 8080, Blk-Out gone" \
    jqc change/state/netstate.json '(.firewall | length==2) and (.firewall[0].enabled==false) and (.firewall[1] | .enabled==true and .localPort==["8080"] and .displayName=="Alt Web")'

# 4. validation: nothing is changed by a bad rule
run bad '' '
New-NetFirewallRule -DisplayName A -Name A -Protocol TCP -LocalPort 22 | Out-Null
New-NetFirewallRule -DisplayName X -Protocol TCP -LocalPort 70000 -ErrorAction SilentlyContinue -ErrorVariable e1; $e1[0].Exception.Message
New-NetFirewallRule -DisplayName X -Protocol ICMPv4 -LocalPort 22 -ErrorAction SilentlyContinue -ErrorVariable e2; $e2[0].Exception.Message
New-NetFirewallRule -DisplayName X -RemoteAddress 10.0.0.300 -ErrorAction SilentlyContinue -ErrorVariable e3; $e3[0].Exception.Message
New-NetFirewallRule -DisplayName X -Protocol FOO -ErrorAction SilentlyContinue -ErrorVariable e4; $e4[0].Exception.Message
New-NetFirewallRule -DisplayName Again -Name a -ErrorAction SilentlyContinue -ErrorVariable e5; $e5[0].Exception.Message; $e5[0].CategoryInfo.Category.ToString()
Set-NetFirewallRule -Name A -LocalPort 0 -ErrorAction SilentlyContinue
try { New-NetFirewallRule -DisplayName X -Direction Sideways } catch { $_.FullyQualifiedErrorId }
(Get-NetFirewallRule).Count
(Get-NetFirewallPortFilter).LocalPort'
expect bad "validation: port, ports without TCP/UDP, address, protocol, duplicate Name, enum; nothing changed" "The port '70000' is not valid: use a number from 1 to 65535, a range such as 5000-5100, or Any.
The LocalPort and RemotePort parameters can only be used when the Protocol is TCP or UDP.
The address '10.0.0.300' is not valid: use an IPv4 or IPv6 address, a prefix (10.0.0.0/24), a range (10.0.0.1-10.0.0.9) or Any.
The protocol 'FOO' is not valid: use TCP, UDP, ICMPv4, ICMPv6, Any or a number from 0 to 255.
Cannot create a file when that file already exists.
ResourceExists
ParameterArgumentValidationError,New-NetFirewallRule
1
22"

# 5. real traffic: a veth pair to a listener; Block rule stops the connection, removal restores it
PEER='unshare -n sleep 60 & echo $! >peer; sleep 0.2
    ip link add Ethernet type veth peer name p1 netns $(cat peer)
    ip addr add 10.0.0.1/24 dev Ethernet; ip link set Ethernet up
    nsenter -t $(cat peer) -n sh -c "ip link set lo up; ip addr add 10.0.0.2/24 dev p1; ip link set p1 up"
    nsenter -t $(cat peer) -n python3 -c "import socket,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"0.0.0.0\", 8080)); s.listen(8)
time.sleep(50)" &
    for i in $(seq 20); do nsenter -t $(cat peer) -n ss -ltn | grep -q :8080 && break; sleep 0.2; done'
run traffic "$PEER" '
Test-NetConnection 10.0.0.2 -Port 8080 -InformationLevel Quiet
New-NetFirewallRule -DisplayName "No 8080" -Name No8080 -Direction Outbound -Protocol TCP -RemotePort 8080 -Action Block | Out-Null
Test-Connection 10.0.0.2 -TcpPort 8080 -TimeoutSeconds 1 -Count 1
Test-Connection 10.0.0.2 -Count 1 -Quiet
Disable-NetFirewallRule -Name No8080
Test-Connection 10.0.0.2 -TcpPort 8080 -TimeoutSeconds 1 -Count 1
Enable-NetFirewallRule -Name No8080
New-NetFirewallRule -DisplayName "No ping" -Direction Outbound -Protocol ICMPv4 -Action Block | Out-Null
Test-Connection 10.0.0.2 -Count 1 -Quiet -TimeoutSeconds 1
Remove-NetFirewallRule -DisplayName "No*"
Test-Connection 10.0.0.2 -TcpPort 8080 -TimeoutSeconds 1 -Count 1'
expect traffic "traffic: Block rule stops TCP 8080 (ping still works), disable/remove lets it through, ICMP block" "True
False
True
True
False
True"

# 6. -Restore: the ruleset is gone (reboot), hvsh -Restore renders the saved rules again
run restore '' "$SETUP_RULES" 'nft flush ruleset; "$HVSH" -Restore >restore.log 2>&1; echo $? >restore.rc; nft -j list ruleset >nft2.json'
check "-Restore: exit 0" grep -qx 0 "$WORK/restore/restore.rc"
check "-Restore: the enabled rules are back in inet hvsh_fw" \
    jqc restore/nft2.json '[.nftables[] | .rule? // empty | select(.table=="hvsh_fw") | .comment] | sort == ["NetFirewallRule:Blk-Out", "NetFirewallRule:SSH-In"]'
check "-Restore: logged" grep -q "firewall rules: 3" "$WORK/restore/restore.log"

# 7. other state sections survive a firewall change (the NAT cmdlets' records stay)
run keep 'mkdir -p state; printf "%s" "{\"version\":1,\"nats\":[{\"name\":\"LocalNAT\",\"internal\":\"192.168.100.0/24\",\"external\":\"\"}],\"dns\":[]}" >state/netstate.json' \
    'New-NetFirewallRule -DisplayName K -Name K | Out-Null'
check "state: the NAT record is kept beside the new firewall section" \
    jqc keep/state/netstate.json '(.nats[0].name=="LocalNAT") and (.firewall[0].name=="K")'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
