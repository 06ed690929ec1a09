#!/bin/sh
# Static checks of the source tree: layer directions, no shell in between, symbol prefixes.
cd "$(dirname "$0")/../.."
pass=0; fail=0
t() { name=$1; shift; if out=$("$@" 2>&1); then pass=$((pass+1)); echo "ok - $name"; else fail=$((fail+1)); echo "not ok - $name"; echo "$out" | head -20 | sed 's/^/    /'; fi; }
t "includes only point downward" scripts/check-layers
t "no system/popen/sh -c" scripts/check-no-shell
t "global symbols carry their directory's prefix" scripts/check-symbols "${B:-build}"
echo "$pass passed, $fail failed"
