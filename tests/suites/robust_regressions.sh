#!/bin/bash
# robust_regressions.sh — every crash the robustness harness found (bad-input matrix,
# fuzzers) as a case that must now end cleanly: no signal, no sanitizer report, expected
# output. Env: HVSH. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0
WORK=$(mktemp -d /tmp/hvsh-regress.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# case NAME EXPECTED-STDOUT SCRIPT  (expected = the whole stdout, lines joined by '|')
case_() {
    local name=$1 want=$2 script=$3 got rc
    got=$(timeout 60 "$HVSH" -NoProfile -NonInteractive -c "$script" 2>"$WORK/err" </dev/null | paste -sd'|')
    rc=${PIPESTATUS[0]}
    if [ "$rc" -lt 128 ] && [ "$rc" != 124 ] && [ "$rc" != 99 ] && [ "$got" = "$want" ] &&
        ! grep -qE 'Sanitizer|runtime error:|Assertion' "$WORK/err"; then
        pass=$((pass + 1)); echo "ok - $name"
    else
        fail=$((fail + 1)); echo "not ok - $name (exit $rc, stdout '$got')"
        head -5 "$WORK/err" | sed 's/^/#   /'
    fi
}

# bad-input matrix: $null bound to an [object[]] parameter reached the handler as $null,
# which called hv_array_len on it (assertion)
case_ "Add-History -InputObject \$null" "ok" 'Add-History -InputObject $null; "ok"'
case_ "Invoke-Command -ArgumentList \$null" "ok" '$null = Invoke-Command -ScriptBlock { $args.Count } -ArgumentList $null; "ok"'

echo "$pass passed, $fail failed"
[ $fail = 0 ]
