#!/bin/bash
# robust_load.sh — flat memory under load (issue 7). The same script runs twice, with N and
# with 5N iterations, and the peak RSS (/usr/bin/time -f %M) of the long run must stay within
# 1.5x + 10 MB of the short run's: memory must not grow with the number of objects made and
# removed. A memory bound, not a time bound (times are printed for information only).
#   * VMs on the libvirt test driver: New-VM, Set-VM, Start-VM, Checkpoint-VM, Stop-VM,
#     Remove-VM, Get-VM: 100 and 500 VMs;
#   * switches with an address and a NAT in a private network namespace: 20 and 100.
# Env: HVSH (HVSH_TEST_BUILD=asan: the ASan quarantine is kept small so freed memory counts
# as freed). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0
WORK=$(mktemp -d /tmp/hvsh-load.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
[ "${HVSH_TEST_BUILD:-}" = asan ] && export ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=4"

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -10 | sed 's/^/#   /'; }
if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi

# runload NAME N SCRIPT [prefix command...] -> rss_N (KB), out_N, err in files
runload() {
    local name=$1 n=$2 script=$3
    shift 3
    printf '%s\n' "${script//@N@/$n}" >"$WORK/$name-$n.ps1"
    local s=$SECONDS
    "$@" /usr/bin/time -o "$WORK/$name-$n.time" -f %M timeout 900 "$HVSH" -NoProfile -NonInteractive \
        -File "$WORK/$name-$n.ps1" >"$WORK/$name-$n.out" 2>"$WORK/$name-$n.err"
    echo $? >"$WORK/$name-$n.rc"
    echo "$((SECONDS - s))" >"$WORK/$name-$n.secs"
}
rss() { grep -E '^[0-9]+$' "$WORK/$1.time" | tail -1; }
verdict() { # name small big expected-output
    local name=$1 a=$2 b=$3 want=$4 ra rb
    for n in $a $b; do
        if [ "$(cat "$WORK/$name-$n.rc")" = 0 ] && [ "$(tail -1 "$WORK/$name-$n.out")" = "$want" ] &&
            ! grep -v '^WARNING' "$WORK/$name-$n.err" | grep -q .; then
            ok "$name x $n runs cleanly ($(cat "$WORK/$name-$n.secs") s)"
        else
            notok "$name x $n runs cleanly (exit $(cat "$WORK/$name-$n.rc"), last line '$(tail -1 "$WORK/$name-$n.out")')" \
                "$(head -c 1500 "$WORK/$name-$n.err")"
        fi
    done
    ra=$(rss "$name-$a"); rb=$(rss "$name-$b")
    echo "# $name: peak RSS $((ra / 1024)) MB after $a, $((rb / 1024)) MB after $b"
    if [ -n "$ra" ] && [ -n "$rb" ] && [ "$rb" -le $((ra * 3 / 2 + 10240)) ]; then
        ok "$name: memory flat ($((rb / 1024)) MB after $b <= 1.5 x $((ra / 1024)) MB + 10 MB)"
    else
        notok "$name: memory grows: $((ra / 1024)) MB after $a, $((rb / 1024)) MB after $b"
    fi
}

VMS='$ErrorActionPreference = "Stop"
foreach ($i in 1..@N@) {
    $n = "load$i"
    New-VM -Name $n -MemoryStartupBytes 512MB -Generation 2 | Out-Null
    Set-VM -Name $n -ProcessorCount 2 -Notes "vm $i"
    Start-VM -Name $n
    Checkpoint-VM -Name $n -SnapshotName "s$i"
    $null = Get-VM -Name $n | Format-List * | Out-String
    Stop-VM -Name $n -Force
    Remove-VM -Name $n -Force
}
(Get-VM | Where-Object Name -like "load*" | Measure-Object).Count'
export HVSH_URI=test:///default
runload vms 100 "$VMS"
runload vms 500 "$VMS"
verdict vms 100 500 0

NETS='$ErrorActionPreference = "Stop"
foreach ($i in 1..@N@) {
    $o = [math]::Floor($i / 250); $p = $i % 250
    New-VMSwitch -Name "ld$i" -SwitchType Internal | Out-Null
    New-NetIPAddress -InterfaceAlias "vEthernet (ld$i)" -IPAddress "10.$o.$p.1" -PrefixLength 24 | Out-Null
    New-NetNat -Name "ld$i" -InternalIPInterfaceAddressPrefix "10.$o.$p.0/24" | Out-Null
    $null = Get-NetNat -Name "ld$i"
    Remove-NetNat -Name "ld$i" -Confirm:$false
    Remove-VMSwitch -Name "ld$i" -Force
}
(Get-NetNat | Measure-Object).Count'
mkdir -p "$WORK/state"
if "${NSCMD[@]}" true 2>/dev/null; then
    export HVSH_STATE_DIR="$WORK/state" HVSH_RESOLV_CONF="$WORK/resolv.conf" HVSH_SWITCH_BRIDGES=1
    runload switches 20 "$NETS" "${NSCMD[@]}"
    runload switches 100 "$NETS" "${NSCMD[@]}"
    verdict switches 20 100 0
else
    notok "cannot create a network namespace"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
