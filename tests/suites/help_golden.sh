#!/bin/bash
# Help golden files: `Get-Help <cmdlet> -Full` of every built-in cmdlet, generated from the
# cmdlet tables, compared with tests/help/<cmdlet>.txt. A table edit (a parameter, an alias,
# a help string) shows up here as a help diff to review.
#   HVSH_UPDATE_GOLDEN=1 tests/suites/help_golden.sh   rewrites the golden files.
# Env: HVSH = path to the binary (default ./hvsh). Ends with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
HVSH=${HVSH:-$root/hvsh}
dir=$root/tests/help
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COLUMNS=120 NO_COLOR=1 TERM=dumb

names=$("$HVSH" -NoProfile -NonInteractive -Command \
    'Get-Command -CommandType Cmdlet | ForEach-Object Name' 2>/dev/null | tr -d '\r')
if [ -z "$names" ]; then
    echo "not ok - help: cannot list the cmdlets (Get-Command -CommandType Cmdlet)"
    echo "0 passed, 1 failed"
    exit 1
fi

pass=0
fail=0
for n in $names; do
    case $n in *[!A-Za-z0-9-]*) continue ;; esac
    "$HVSH" -NoProfile -NonInteractive -Command "Get-Help $n -Full" >"$tmp/$n.txt" 2>"$tmp/$n.err"
    rc=$?
    if [ -n "${HVSH_UPDATE_GOLDEN:-}" ]; then
        cp "$tmp/$n.txt" "$dir/$n.txt"
    fi
    if [ $rc -ne 0 ] || [ -s "$tmp/$n.err" ]; then
        fail=$((fail + 1))
        echo "not ok - help/$n (exit $rc: $(head -c 200 "$tmp/$n.err"))"
    elif [ ! -f "$dir/$n.txt" ]; then
        fail=$((fail + 1))
        echo "not ok - help/$n (no golden file tests/help/$n.txt; run with HVSH_UPDATE_GOLDEN=1)"
    elif ! cmp -s "$tmp/$n.txt" "$dir/$n.txt"; then
        fail=$((fail + 1))
        echo "not ok - help/$n (differs from tests/help/$n.txt)"
        diff -u "$dir/$n.txt" "$tmp/$n.txt" | head -20 | sed 's/^/    /'
    elif ! grep -q '^SYNTAX$' "$tmp/$n.txt" || ! grep -q "^    $n" "$tmp/$n.txt"; then
        fail=$((fail + 1))
        echo "not ok - help/$n (no SYNTAX section)"
    else
        pass=$((pass + 1))
    fi
done
# golden files of cmdlets that no longer exist
for f in "$dir"/*.txt; do
    [ -e "$f" ] || continue
    b=$(basename "$f" .txt)
    if ! grep -qx -- "$b" <<<"$names"; then
        if [ -n "${HVSH_UPDATE_GOLDEN:-}" ]; then
            rm -f "$f"
        else
            fail=$((fail + 1))
            echo "not ok - help/$b (golden file for a cmdlet that does not exist)"
        fi
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
