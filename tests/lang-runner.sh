#!/bin/bash
# Golden-file language tests: tests/lang/**/NAME.ps1 with NAME.out (expected stdout),
# optional NAME.err (expected stderr) and NAME.exit (expected exit code, default 0).
# Each script runs as `hvsh -NoProfile -NonInteractive -File NAME.ps1` in its own folder,
# with COLUMNS=120 and NO_COLOR=1 so output is deterministic.
set -u
cd "$(dirname "$0")/lang"
HVSH=${HVSH:-$(cd ../.. && pwd)/hvsh}
pass=0
fail=0
while IFS= read -r -d '' ps1; do
    base=${ps1%.ps1}
    [ -f "$base.out" ] || continue
    dir=$(dirname "$ps1")
    exp_exit=0
    [ -f "$base.exit" ] && exp_exit=$(cat "$base.exit")
    out=$(cd "$dir" && COLUMNS=120 NO_COLOR=1 TERM=dumb timeout 20 "$HVSH" -NoProfile -NonInteractive -File "$(basename "$ps1")" 2>/tmp/hvsh-lang-err.$$; echo "~$?")
    rc=${out##*~}
    out=${out%~*}
    out=$(printf '%s' "$out") # drop trailing newlines, as $(cat file) does
    ok=1
    why=
    if [ "$out" != "$(cat "$base.out")" ]; then ok=0; why="stdout differs"; fi
    if [ -f "$base.err" ] && [ "$(cat /tmp/hvsh-lang-err.$$)" != "$(cat "$base.err")" ]; then ok=0; why="$why stderr differs"; fi
    if [ "$rc" != "$exp_exit" ]; then ok=0; why="$why exit $rc != $exp_exit"; fi
    if [ ! -f "$base.err" ] && grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' /tmp/hvsh-lang-err.$$; then ok=0; why="$why sanitizer report"; fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "not ok - lang/${base#./} ($why)"
        if [ -n "${VERBOSE:-}" ]; then
            diff <(echo "$out") "$base.out" | head -20
            head -5 /tmp/hvsh-lang-err.$$
        fi
    fi
done < <(find . -name '*.ps1' -print0 | sort -z)
rm -f /tmp/hvsh-lang-err.$$
echo "lang: $pass passed, $fail failed"
