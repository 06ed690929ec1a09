#!/bin/bash
# net_load.sh — networking under load, inside a private network namespace:
#   * Get-NetAdapter with 500 interfaces present lists them all;
#   * one script creates and removes 100 switches with an address and a NAT each, cleanly.
# Timings are printed as information (# lines) only; speed is judged by scripts/bench,
# never by a timed assertion here. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; }
if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi
W=$(mktemp -d /tmp/hvsh-netbench.XXXXXX)
trap 'rm -rf "$W"' EXIT

cat >"$W/many.ps1" <<'EOF'
1..100 | ForEach-Object {
    New-VMSwitch -Name "sw$_" -SwitchType Internal | Out-Null
    New-NetIPAddress -InterfaceAlias "vEthernet (sw$_)" -IPAddress "10.$_.0.1" -PrefixLength 24 | Out-Null
    New-NetNat -Name "nat$_" -InternalIPInterfaceAddressPrefix "10.$_.0.0/24" | Out-Null
}
1..100 | ForEach-Object {
    Remove-NetNat -Name "nat$_" -Confirm:$false
    Remove-VMSwitch -Name "sw$_" -Force
}
(Get-NetAdapter -Name "vEthernet (sw*)" | Measure-Object).Count
EOF

HVSH="$HVSH" W="$W" HVSH_STATE_DIR="$W/state" HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 \
    "${NSCMD[@]}" bash -c '
    ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
    for i in $(seq 1 250); do ip link add v$i type veth peer name p$i; done
    best_h=999999; best_i=999999
    for r in 1 2 3 4 5; do
        h=$(ms "$HVSH" -NoProfile -NonInteractive -c "Get-NetAdapter")
        i=$(ms ip -j link)
        [ $h -lt $best_h ] && best_h=$h; [ $i -lt $best_i ] && best_i=$i
    done
    n=$("$HVSH" -NoProfile -NonInteractive -c "(Get-NetAdapter).Count")
    echo "$best_h $best_i $n" >"$W/adapters"
    for i in $(seq 1 250); do ip link del v$i; done
    s=$(date +%s%N)
    "$HVSH" -NoProfile -NonInteractive -File "$W/many.ps1" >"$W/many.out" 2>"$W/many.err"
    echo $(( ($(date +%s%N) - s) / 1000000 )) >"$W/many.ms"
    nft list ruleset >"$W/nft.txt" 2>&1; ip -o link >"$W/links.txt"' 2>/dev/null

read -r h i n <"$W/adapters"
echo "# Get-NetAdapter with $n interfaces: ${h} ms (best of 5, whole process); ip -j link: ${i} ms"
[ "$n" = 500 ] && ok "Get-NetAdapter lists 500 interfaces" || notok "Get-NetAdapter lists 500 interfaces (got $n)"
m=$(cat "$W/many.ms")
echo "# 100 switches + addresses + NATs created and removed in one script: ${m} ms"
[ "$(tail -1 "$W/many.out")" = 0 ] && [ ! -s "$W/many.err" ] && ok "100 switches/addresses/NATs created and removed cleanly" ||
    notok "100 switches/addresses/NATs created and removed cleanly: $(head -3 "$W/many.err")"
grep -q hvsh_nat "$W/nft.txt" && notok "NAT table gone afterwards" || ok "NAT table gone afterwards"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
