#!/bin/bash
# robust_badinput.sh — the bad-input matrix (issue 7), generated from the cmdlet tables:
# `Get-Command -Syntax` of every built-in cmdlet -> tests/fuzz/badinput_gen.py -> one script
# per cmdlet trying, for every parameter, wrong types, empty/$null, a 10k string, out-of-range
# numbers, wildcards and hostile strings ('$(reboot)', '; reboot', `n, NUL, invalid UTF-8).
# Each case must end in an error or a normal result: no signal, no hang (timeout guard per
# script), no sanitizer report, no change to the system.
#
# SAFETY: everything runs as an unprivileged user (nobody) inside
#   unshare --user --map-root-user --net --pid --fork --mount --mount-proc
# (Stop-Process reaches only the sandbox, networking is private, files outside the sandbox
# are not writable), with cwd and HOME in a fresh temp dir, PATH = a temp dir whose only
# program is a fake `reboot` that leaves a marker (so shell injection is detected),
# HVSH_URI=test:///default, HVSH_STATE_DIR and HVSH_RESOLV_CONF in the temp dir. Cmdlets that
# could still do harm (package installs, Start-Process, Restart-/Stop-Computer) are excluded
# by the generator. Env: HVSH. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0
WORK=$(mktemp -d /tmp/hvsh-badinput.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
chmod 755 "$WORK"

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'; }

# 1. the cmdlet tables, as the binder sees them
"$HVSH" -NoProfile -NonInteractive -c \
    'Get-Command -CommandType Cmdlet | ForEach-Object { "### " + $_.Name; Get-Command $_.Name -Syntax }' \
    >"$WORK/syntax.txt" 2>&1
ncmd=$(grep -c '^### ' "$WORK/syntax.txt")
if [ "$ncmd" -lt 50 ]; then
    notok "Get-Command lists the cmdlets with their syntax ($ncmd found)" "$(head "$WORK/syntax.txt")"
    echo "$pass passed, $fail failed"; exit 1
fi
ok "the cmdlet tables list $ncmd cmdlets"
mkdir -p "$WORK/gen"
total=$(python3 tests/fuzz/badinput_gen.py "$WORK/gen" <"$WORK/syntax.txt") || total=0
nscripts=$(ls "$WORK/gen" | wc -l)
if [ "$total" -lt 1000 ]; then notok "the generator makes cases ($total)"; echo "$pass passed, $fail failed"; exit 1; fi
ok "generated $total cases for $nscripts cmdlets"

# 2. the sandbox
BOX=$WORK/box
mkdir -p "$BOX/home" "$BOX/bin" "$BOX/out" "$BOX/scripts"
printf '#!/bin/sh\ntouch "%s/REBOOT-WAS-RUN"\n' "$BOX/out" >"$BOX/bin/reboot"
chmod 755 "$BOX/bin/reboot"
# the scripts stay root-owned and read-only to the sandbox (Remove-Item '*' is a case)
cp "$WORK"/gen/*.ps1 "$BOX/scripts/"
printf 'ok \xff\xfe \xc3\x28 \xe2\x82 \xed\xa0\x80 end\n' >"$BOX/scripts/badutf8.bin"
hostsnap() { # what must not change outside: links, firewall, resolv.conf
    { ip -br link; nft list ruleset 2>/dev/null | md5sum; md5sum /etc/resolv.conf /etc/hosts /etc/passwd; } 2>&1
}
hostsnap >"$WORK/host.before"
priv=()
if [ "$(id -u)" = 0 ]; then
    chown -R 65534:65534 "$BOX/home" "$BOX/out"
    priv=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
cat >"$BOX/run1.sh" <<'EOF'
# run1.sh SCRIPT: one cmdlet's cases inside the sandbox, in a home of its own (the cases
# create, overwrite and delete files in it); writes out/<name>.{out,err,rc}
s=$1; n=$(basename "$s" .ps1)
h="$BOX/home/$n"
mkdir -p "$h" && cd "$h" || exit 1
printf 'nameserver 9.9.9.9\n' >resolv.conf
# a pid namespace per cmdlet: Stop-Process reaches nothing but this run
unshare --pid --fork --mount-proc env -i PATH="$BOX/bin" HOME="$h" TERM=dumb COLUMNS=120 NO_COLOR=1 \
    HVSH_BADUTF8="$BOX/scripts/badutf8.bin" \
    HVSH_URI=test:///default HVSH_STATE_DIR="$h/state" HVSH_RESOLV_CONF="$h/resolv.conf" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
    /usr/bin/timeout -k 5 "$GUARD" "$HVSH" -NoProfile -NonInteractive -File "$s" \
    >"$BOX/out/$n.out" 2>"$BOX/out/$n.err" </dev/null
echo $? >"$BOX/out/$n.rc"
EOF
GUARD=120
[ "${HVSH_TEST_BUILD:-}" = asan ] && GUARD=600
start=$SECONDS
BOX="$BOX" HVSH="$HVSH" GUARD=$GUARD "${priv[@]}" \
    unshare --user --map-root-user --net --pid --fork --mount --mount-proc \
    bash -c 'ip link set lo up; ip link add Ethernet type dummy 2>/dev/null; ip link set Ethernet up 2>/dev/null
             ls "$BOX"/scripts/*.ps1 | xargs -P 2 -n 1 bash "$BOX/run1.sh"' >"$WORK/sandbox.log" 2>&1
rcbox=$?
secs=$((SECONDS - start))
hostsnap >"$WORK/host.after"
[ $rcbox = 0 ] && ok "the sandbox ran ($secs s)" || notok "the sandbox ran (exit $rcbox)" "$(tail "$WORK/sandbox.log")"

# 3. verdicts, per cmdlet
tried=0 bad=0
for s in "$WORK"/gen/*.ps1; do
    n=$(basename "$s" .ps1)
    o=$BOX/out/$n
    want=$(grep -c '^try ' "$s")
    rc=$(cat "$o.rc" 2>/dev/null || echo missing)
    got=$(grep -c '^CASE ' "$o.out" 2>/dev/null)
    tried=$((tried + ${got:-0}))
    why=""
    case $rc in
    0) ;;
    124|137) why="hang (timeout guard of ${GUARD}s)" ;;
    missing) why="did not run" ;;
    *) [ "$rc" -ge 128 ] && why="killed by signal $((rc - 128))" || why="exit $rc" ;;
    esac
    grep -qE 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer|SUMMARY: ' "$o.err" 2>/dev/null && why+=" sanitizer report"
    grep -q "^CASES $want\$" "$o.out" 2>/dev/null || why+=" ended after case ${got:-0} of $want"
    if [ -n "$why" ]; then
        bad=$((bad + 1))
        notok "$n: $why; last case: $(grep '^CASE ' "$o.out" 2>/dev/null | tail -1)" \
            "$(grep -E 'ERROR|runtime error|#[0-9] |SUMMARY' "$o.err" 2>/dev/null | head -12; tail -3 "$o.err" 2>/dev/null)"
    fi
done
[ $bad = 0 ] && ok "every cmdlet survives its bad inputs ($nscripts cmdlets)"
if [ -e "$BOX/out/REBOOT-WAS-RUN" ]; then
    notok "no value was run as a command (the fake reboot was called)"
else
    ok "no value was run as a command (the fake reboot was never called)"
fi
if diff "$WORK/host.before" "$WORK/host.after" >/dev/null; then
    ok "the host's links, ruleset, resolv.conf, hosts and passwd are unchanged"
else
    notok "the host is unchanged" "$(diff "$WORK/host.before" "$WORK/host.after")"
fi
if [ "$tried" = "$total" ]; then ok "all $total cases ran"; else notok "all cases ran ($tried of $total)"; fi
echo "# bad-input cases tried: $tried (cmdlet, parameter, value) over $nscripts cmdlets in ${secs}s"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
