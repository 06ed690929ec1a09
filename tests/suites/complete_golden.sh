#!/bin/bash
# Golden completion files: tests/complete/NAME.txt = the input line, a line "---", then
# the expected candidates (one per line, in order) for the cursor at the end of the input.
# Lines before "---" that start with "setup: " go into a profile script that runs first
# (so variables exist, as they would in an interactive session).
# Run through `hvsh -Complete`, with the lab fixture as the hypervisor (VM names).
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
export HVSH_URI="test://$PWD/tests/fixtures/lab.xml"
pass=0; fail=0
for f in tests/complete/*.txt; do
    input=$(sed -n '1,/^---$/p' "$f" | grep -v '^---$' | grep -v '^setup: ')
    expected=$(sed '1,/^---$/d' "$f")
    home=$(mktemp -d)
    mkdir -p "$home/.config/hvsh"
    sed -n 's/^setup: //p' "$f" > "$home/.config/hvsh/profile.ps1"
    got=$(HOME=$home XDG_CONFIG_HOME= "$HVSH" -Complete "$input" 2>&1)
    rm -rf "$home"
    if [ "$got" = "$expected" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "not ok - complete/$(basename "$f" .txt): '$input'"
        diff <(echo "$expected") <(echo "$got") | sed 's/^/    /' | head -10
    fi
done
echo "complete: $pass passed, $fail failed"
[ $fail = 0 ]
