#!/bin/bash
# robust_fuzz_smoke.sh — every libFuzzer target (tests/fuzz/fuzz_*.c) built and run briefly
# by scripts/fuzz (FUZZ_SMOKE_SECONDS, default 10 s each), so CI notices a target that stops
# building or a crash the seeds or a short run reach. The fuzzers are ASan+UBSan builds of
# their own, so the suite runs once: in the asan pass of tests/run.sh it only reports itself
# skipped. Skipped (counted as passed, with a note) only when clang is really unavailable.
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SMOKE_SECONDS:-10}
if [ "${HVSH_TEST_BUILD:-}" = asan ]; then
    echo "ok - fuzz smoke # skipped: runs in the normal pass (the fuzzers are sanitizer builds)"
    echo "1 passed, 0 failed"; exit 0
fi
if ! command -v clang >/dev/null; then
    echo "ok - fuzz smoke # skipped: clang is not installed (scripts/install-deps.sh installs it)"
    echo "1 passed, 0 failed"; exit 0
fi
targets=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | wc -l)
out=$(scripts/fuzz "$secs" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -E '^(ok|not ok) - ' 
printf '%s\n' "$out" | grep -vE '^(ok|not ok) - |^fuzz: ' | head -20 | sed 's/^/#   /'
pass=$(printf '%s\n' "$out" | grep -c '^ok - ')
fail=$(printf '%s\n' "$out" | grep -c '^not ok - ')
if [ $((pass + fail)) != "$targets" ]; then
    echo "not ok - scripts/fuzz ran $((pass + fail)) of $targets targets (exit $rc)"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
