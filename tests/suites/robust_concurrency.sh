#!/bin/bash
# robust_concurrency.sh — two hvsh processes, each making 100 changes at the same time in the
# same network namespace, state dir and resolv.conf (issue 7: "lose no update and corrupt no
# state"). They share what can race: one nftables table (NATs made side by side, static
# mappings on the same NAT whose ids both allocate), the resolv.conf block (each sets the DNS
# servers of its own interface 10 times), the routing table and the state file.
# Per process: 10 switches, 30 addresses, 20 NATs, 20 static mappings, 10 DNS changes,
# 10 routes. Afterwards the kernel, the ruleset, resolv.conf and the state file must hold
# every change of both, the mapping ids must be unique, and the state file must parse.
# Env: HVSH. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0
WORK=$(mktemp -d /tmp/hvsh-conc.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -15 | sed 's/^/#   /'; }
check() { # description, expected, actual
    if [ "$2" = "$3" ]; then ok "$1 ($3)"; else notok "$1: expected $2, got $3"; fi
}

if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi
for tool in jq nft ip; do
    command -v $tool >/dev/null || { echo "not ok - $tool is needed"; echo "0 passed, 1 failed"; exit 1; }
done

# one process's 100 changes; $1 = tag (A/B), $2 = its interface, $3 = its number (1/2)
gen() {
    local t=$1 ifc=$2 k=$3
    echo '$ErrorActionPreference = "Continue"'
    for i in $(seq 1 10); do echo "New-VMSwitch -Name 'Sw$t$i' -SwitchType Internal | Out-Null"; done
    for i in $(seq 1 30); do echo "New-NetIPAddress -InterfaceAlias $ifc -IPAddress 10.$k.$i.1 -PrefixLength 24 | Out-Null"; done
    for i in $(seq 1 20); do echo "New-NetNat -Name 'Nat$t$i' -InternalIPInterfaceAddressPrefix 172.$((15 + k)).$i.0/24 | Out-Null"; done
    for i in $(seq 1 20); do
        echo "Add-NetNatStaticMapping -NatName Shared -Protocol TCP -ExternalIPAddress 0.0.0.0 -ExternalPort $((k * 10000 + i)) -InternalIPAddress 192.168.50.$i -InternalPort 80 | Out-Null"
    done
    for i in $(seq 1 10); do echo "Set-DnsClientServerAddress -InterfaceAlias $ifc -ServerAddresses $k.$k.$k.$i"; done
    for i in $(seq 1 10); do echo "New-NetRoute -DestinationPrefix 10.$((100 + k)).$i.0/24 -InterfaceAlias $ifc -NextHop 10.$k.1.254 | Out-Null"; done
}
gen A Ethernet 1 >"$WORK/a.ps1"
gen B Ethernet2 2 >"$WORK/b.ps1"
[ "$(grep -c . "$WORK/a.ps1")" = 101 ] || notok "each process has 100 changes"
printf '%s\n' 'New-NetNat -Name Shared -InternalIPInterfaceAddressPrefix 192.168.50.0/24 | Out-Null' >"$WORK/setup.ps1"

mkdir -p "$WORK/state"
printf 'search lab\nnameserver 9.9.9.9\n' >"$WORK/resolv.conf"
start=$SECONDS
HVSH="$HVSH" W="$WORK" HVSH_STATE_DIR="$WORK/state" HVSH_RESOLV_CONF="$WORK/resolv.conf" \
    HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 "${NSCMD[@]}" bash -c '
    cd "$W"; ip link set lo up
    for e in Ethernet Ethernet2; do ip link add $e type veth peer name p$e; ip link set $e up; ip link set p$e up; done
    "$HVSH" -NoProfile -NonInteractive -File setup.ps1 >setup.out 2>&1
    "$HVSH" -NoProfile -NonInteractive -File a.ps1 >a.out 2>a.err & pa=$!
    "$HVSH" -NoProfile -NonInteractive -File b.ps1 >b.out 2>b.err & pb=$!
    wait $pa; echo $? >a.rc; wait $pb; echo $? >b.rc
    ip -j addr >addr.json; ip -j -d link >link.json; ip -j route >route.json
    nft -j list ruleset >nft.json' >"$WORK/ns.log" 2>&1
echo "# both processes took $((SECONDS - start)) s"

for p in a b; do
    if [ "$(cat "$WORK/$p.rc" 2>/dev/null)" = 0 ] && ! [ -s "$WORK/$p.err" ]; then
        ok "process $p: 100 changes without an error"
    else
        notok "process $p: 100 changes without an error (exit $(cat "$WORK/$p.rc" 2>/dev/null))" "$(head -c 1500 "$WORK/$p.err")"
    fi
done
grep -v "^WARNING:" "$WORK/setup.out" | grep -q . && notok "set-up" "$(cat "$WORK/setup.out")"

# the kernel
J() { jq -r "$2" "$WORK/$1" 2>/dev/null; }
check "switches (bridges) in the kernel" 20 "$(J link.json '[.[] | select(.ifalias // "" | test("^vEthernet \\(Sw[AB][0-9]+\\)$"))] | length')"
check "addresses of process A in the kernel" 30 "$(J addr.json '[.[] | select(.ifname=="Ethernet") | .addr_info[] | select(.local|startswith("10.1."))] | length')"
check "addresses of process B in the kernel" 30 "$(J addr.json '[.[] | select(.ifname=="Ethernet2") | .addr_info[] | select(.local|startswith("10.2."))] | length')"
check "routes in the kernel" 20 "$(J route.json '[.[] | select(.dst|test("^10\\.10[12]\\."))] | length')"
# the ruleset
nats=$(J nft.json '[.nftables[] | .rule? // empty | select(.comment // "" | startswith("NetNat:"))] | length')
check "NATs in the ruleset (40 + Shared)" 41 "$nats"
maps=$(J nft.json '[.nftables[] | .rule? // empty | select(.comment // "" | startswith("NetNatMap:"))] | length')
check "static mappings in the ruleset" 40 "$maps"
ids=$(J nft.json '[.nftables[] | .rule? // empty | select(.comment // "" | startswith("NetNatMap:")) | .comment | split(":")[1] | split("|")[0]] | unique | length')
check "static mapping ids are unique" 40 "$ids"
# resolv.conf
if grep -qx '# interface Ethernet: 1.1.1.10' "$WORK/resolv.conf" && grep -qx '# interface Ethernet2: 2.2.2.10' "$WORK/resolv.conf" &&
    grep -qx 'nameserver 1.1.1.10' "$WORK/resolv.conf" && grep -qx 'nameserver 2.2.2.10' "$WORK/resolv.conf" &&
    grep -qx 'nameserver 9.9.9.9' "$WORK/resolv.conf" && [ "$(grep -c '# BEGIN hvsh' "$WORK/resolv.conf")" = 1 ]; then
    ok "resolv.conf has the last servers of both interfaces, one block, the system's own kept"
else
    notok "resolv.conf keeps both processes' last DNS change" "$(cat "$WORK/resolv.conf")"
fi
# the state file
S="$WORK/state/netstate.json"
if jq -e . "$S" >/dev/null 2>&1; then ok "the state file parses"; else notok "the state file parses" "$(head -c 500 "$S")"; fi
check "state: addresses" 60 "$(J state/netstate.json '[.addresses[] | select(.ip|test("^10\\.[12]\\."))] | length')"
check "state: NATs" 41 "$(J state/netstate.json '.nats | length')"
check "state: static mappings" 40 "$(J state/netstate.json '.mappings // .maps | length')"
check "state: routes" 20 "$(J state/netstate.json '.routes | length')"
check "state: DNS of both interfaces" "1.1.1.10 2.2.2.10" \
    "$(J state/netstate.json '[.dns[] | .servers[]] | sort | join(" ")')"
perm=$(stat -c %a "$S" 2>/dev/null)
check "state file mode" 600 "$perm"
left=$(ls -A "$WORK/state" | grep -v '^netstate\.\(json\|lock\)$' | tr '\n' ' ')
check "no temporary files left in the state dir" "" "$left"

# Link dumps interrupted by the other process's changes (NLM_F_DUMP_INTR) once left stale
# replies in the netlink socket ("Cannot create the interface: Protocol error"): churn
# switches in both processes at once, 2 x 40 create + 40 remove.
churn() { printf 'foreach ($i in 1..40) { New-VMSwitch -Name "C%s$i" -SwitchType Internal | Out-Null; Remove-VMSwitch -Name "C%s$i" -Force }\n' "$1" "$1"; }
churn A >"$WORK/ca.ps1"
churn B >"$WORK/cb.ps1"
HVSH="$HVSH" W="$WORK" HVSH_STATE_DIR="$WORK/state2" HVSH_RESOLV_CONF="$WORK/resolv.conf" \
    HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 "${NSCMD[@]}" bash -c '
    cd "$W"
    "$HVSH" -NoProfile -NonInteractive -File ca.ps1 >ca.out 2>ca.err & pa=$!
    "$HVSH" -NoProfile -NonInteractive -File cb.ps1 >cb.out 2>cb.err & pb=$!
    wait $pa; wait $pb; ip -j link >clink.json' >>"$WORK/ns.log" 2>&1
if ! [ -s "$WORK/ca.err" ] && ! [ -s "$WORK/cb.err" ]; then
    ok "2 x 80 concurrent switch changes without an error"
else
    notok "2 x 80 concurrent switch changes without an error" "$(head -c 1200 "$WORK/ca.err" "$WORK/cb.err")"
fi
check "no switch left after the churn" 0 "$(J clink.json '[.[] | select(.ifname|test("^C[AB]"))] | length')"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
