#!/bin/bash
# corpus.sh — realistic lab/admin .ps1 scripts (tests/corpus/NAME.ps1) compared with the
# output pwsh 7.4 prints (NAME.out, exact stdout). Each script runs in a fresh working
# directory; scripts named net_* run inside a new network namespace (unshare -n, or
# unshare -U -r -n when not root) with their own HVSH_STATE_DIR and resolv.conf, and an
# "Ethernet" veth so they never touch the machine's own networking.
# Env: HVSH = the binary, VERBOSE=1 shows diffs, CORPUS_SAVE=DIR keeps the actual outputs. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
HVSH=${HVSH:-$ROOT/hvsh}
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-corpus.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi

for ps1 in tests/corpus/*.ps1; do
    name=$(basename "$ps1" .ps1)
    want=tests/corpus/$name.out
    [ -f "$want" ] || continue
    d=$WORK/$name
    mkdir -p "$d/state"
    printf 'search lab.local\nnameserver 192.0.2.53\n' >"$d/resolv.conf"
    if [[ $name == net_* ]]; then
        if ! "${NSCMD[@]}" true 2>/dev/null; then
            echo "not ok - $name (cannot create a network namespace)"
            fail=$((fail + 1))
            continue
        fi
        (cd "$d" && HOME=$d COLUMNS=120 NO_COLOR=1 HVSH_STATE_DIR=$d/state \
            HVSH_RESOLV_CONF=$d/resolv.conf HVSH_SWITCH_BRIDGES=1 HVSH="$HVSH" PS1FILE="$ROOT/$ps1" \
            "${NSCMD[@]}" bash -c 'ip link set lo up; echo 1 >/proc/sys/net/ipv4/ip_forward
                ip link add Ethernet type veth peer name peer0
                ip link set Ethernet up; ip link set peer0 up
                timeout 60 "$HVSH" -NoProfile -NonInteractive -File "$PS1FILE"' \
            >"$d/out" 2>"$d/err")
    else
        (cd "$d" && HOME=$d COLUMNS=120 NO_COLOR=1 HVSH_STATE_DIR=$d/state \
            HVSH_RESOLV_CONF=$d/resolv.conf \
            timeout 60 "$HVSH" -NoProfile -NonInteractive -File "$ROOT/$ps1" >"$d/out" 2>"$d/err")
    fi
    [ -n "${CORPUS_SAVE:-}" ] && cp "$d/out" "$CORPUS_SAVE/$name.out" # to review new scripts
    if cmp -s "$want" "$d/out"; then
        pass=$((pass + 1))
        echo "ok - $name"
    else
        fail=$((fail + 1))
        echo "not ok - $name"
        if [ -n "${VERBOSE:-}" ]; then
            diff "$want" "$d/out" | head -40 | sed 's/^/#   /'
            head -5 "$d/err" | sed 's/^/#   err: /'
        fi
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
