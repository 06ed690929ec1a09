#!/bin/bash
# Runs `hvsh -SelfTest`: one "ok"/"not ok" line per built-in cmdlet table (problems are
# printed as "#   Cmdlet: ..." comment lines), then "selftest: N passed, N failed".
set -u
HVSH=${HVSH:-./hvsh}
out=$("$HVSH" -SelfTest 2>&1)
rc=$?
echo "$out"
if ! echo "$out" | grep -qE '^selftest: [0-9]+ passed, [0-9]+ failed'; then
    echo "not ok - hvsh -SelfTest printed no summary (exit $rc)"
    echo "0 passed, 1 failed"
    exit 1
fi
line=$(echo "$out" | grep -E '^selftest: [0-9]+ passed' | tail -1)
failed=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
if [ "$failed" != 0 ] && [ $rc -eq 0 ]; then
    echo "not ok - hvsh -SelfTest exited 0 despite failures"
    echo "${line#selftest: }" | sed -E 's/([0-9]+) failed/\1 failed/'
    exit 1
fi
echo "${line#selftest: }"
[ "$failed" = 0 ]
