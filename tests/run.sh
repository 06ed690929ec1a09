#!/bin/bash
# The one test runner. Runs every suite against ./build (and ./build-asan), sums the counts
# and ends with the line "N passed, N failed".
#   tests/run.sh --normal | --asan | --both      [suite-name-filter]
# Suites:
#   unit      tests/unit/*.c binaries, each ending with "N passed, N failed"
#   lang      golden files tests/lang/**/NAME.ps1 + NAME.out [+ NAME.err] [+ NAME.exit]
#   tests/suites/*.sh   executable scripts (env: HVSH=binary, B=build dir), each ending with
#             "N passed, N failed"
set -u
cd "$(dirname "$0")/.."
mode=${1:---normal}
filter=${2:-}
total_pass=0
total_fail=0
failed_names=()

count_line() { # parse the last "N passed, N failed" of $1 (file); add to totals
    local line p f
    line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
    if [ -z "$line" ]; then
        echo "  (no summary line: counted as 1 failure)"
        total_fail=$((total_fail + 1))
        return 1
    fi
    p=$(echo "$line" | sed -E 's/.*\b([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    [ "$f" = 0 ]
}

run_suite() { # name, command...
    local name=$1
    shift
    if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then return 0; fi
    local log
    log=$(mktemp)
    local start=$SECONDS
    "$@" >"$log" 2>&1
    local rc=$?
    local summary
    summary=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    printf '%-28s %-32s (%ds)\n' "$name" "${summary:-no summary, exit $rc}" $((SECONDS - start))
    if ! count_line "$log" || { [ $rc -ne 0 ] && [ -n "$summary" ] && [[ "$summary" == *" 0 failed"* ]] && false; }; then
        failed_names+=("$name")
        grep -E '^(not ok|FAIL)' "$log" | head -40 | sed 's/^/    /'
    fi
    rm -f "$log"
}

run_build() { # build-dir label
    local B=$1 label=$2
    export HVSH="$PWD/$B/hvsh" B
    export HVSH_TEST_BUILD=$label
    if [ ! -x "$HVSH" ]; then
        echo "$label: $HVSH is missing"
        total_fail=$((total_fail + 1))
        return
    fi
    if [ "$label" = asan ]; then
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
        export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
        # use_tls=0: LeakSanitizer's tracer crashes ("Tracer caught signal 11") reading the
        # thread-local blocks of the dlopen'ed libvirt/glib on some memory layouts; hvsh keeps
        # no heap pointers in TLS, and what the libraries keep there is suppressed (lsan.supp)
        export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0:use_tls=0
    fi
    for t in "$B"/tests/*; do
        [ -x "$t" ] || continue
        run_suite "$label/unit/$(basename "$t")" "$t"
    done
    run_suite "$label/lang" tests/lang-runner.sh
    for s in tests/suites/*.sh; do
        [ -x "$s" ] || continue
        run_suite "$label/$(basename "$s" .sh)" "$s"
    done
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
}

case $mode in
--normal) run_build build normal ;;
--asan) run_build build-asan asan ;;
--both) run_build build normal; run_build build-asan asan ;;
*) echo "usage: $0 --normal|--asan|--both [filter]"; exit 2 ;;
esac
if [ ${#failed_names[@]} -gt 0 ]; then
    echo "failing suites: ${failed_names[*]}"
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
