#!/bin/bash
# robust_limits.sh — limits instead of crashes (issue 7): deep recursion gives pwsh's
# call-depth error (no signal), big strings/arrays/files stay within bounded memory (peak RSS
# from /usr/bin/time -f %M; the bounds are memory bounds that prove streaming, not timings),
# `hvsh -c '1..1e9' | head -1` ends when the pipe closes, an endless loop stops on SIGINT.
# `timeout` is only a hang guard. Env: HVSH = binary, HVSH_TEST_BUILD=asan scales the bounds
# (ASan's shadow memory and quarantine) and skips the 1 GB file. Ends "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0 skipped=0
WORK=$(mktemp -d /tmp/hvsh-limits.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
asan=0
[ "${HVSH_TEST_BUILD:-}" = asan ] && asan=1

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -15 | sed 's/^/#   /'; }
skip() { skipped=$((skipped + 1)); echo "ok - $1 # skipped: $2"; pass=$((pass + 1)); }

# run GUARD_SECONDS script -> sets rc, out (stdout+stderr), rss (KB)
run() {
    local guard=$1 script=$2
    /usr/bin/time -o "$WORK/time" -f %M timeout "$guard" "$HVSH" -NoProfile -NonInteractive \
        -c "$script" >"$WORK/out" 2>&1
    rc=$?
    out=$(head -c 4000 "$WORK/out")
    rss=$(grep -E '^[0-9]+$' "$WORK/time" | tail -1)
    rss=${rss:-0}
}
# exited by itself (not the guard, not a signal, no sanitizer report)?
clean_exit() {
    [ "$rc" != 124 ] && [ "$rc" -lt 128 ] && [ "$rc" != 99 ] &&
        ! grep -qE 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$WORK/out"
}
# ASan keeps freed memory in a quarantine (256 MB by default), which would hide the
# difference between streaming and slurping: keep it small here.
[ $asan = 1 ] && export ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=4:malloc_context_size=5"
# bound MB -> bound in KB over the start-up RSS of this binary (ASan: shadow memory doubled)
run 30 '1'
base=$rss
bound() { if [ $asan = 1 ]; then echo $((base + $1 * 1024 * 2)); else echo $((base + $1 * 1024)); fi; }

# ---- deep recursion -------------------------------------------------------------------------
depth_case() { # name script
    run 120 "$2"
    if clean_exit && grep -q 'The script failed due to call depth overflow.' "$WORK/out"; then
        ok "call depth: $1"
    else
        notok "call depth: $1 (rc=$rc)" "$out"
    fi
}
depth_case "function recursion" 'function f($n) { f ($n + 1) }; f 0'
depth_case "scriptblock recursion" '$sb = { & $sb }; & $sb'
depth_case "recursion through a pipeline" 'function g { 1 | ForEach-Object { g } }; g'
depth_case "recursion captured in an assignment" 'function hh { $x = @(hh) }; hh'
depth_case "class method recursion" 'class R { [int] F([int]$n) { return $this.F($n + 1) } }; [R]::new().F(0)'
depth_case "static method recursion" 'class S { static [int] G([int]$n) { return [S]::G($n + 1) } }; [S]::G(0)'
run 120 'function f($n) { f ($n + 1) }; try { f 0 } catch { "caught" }; "after"'
if clean_exit && grep -q '^caught' "$WORK/out" && grep -q '^after' "$WORK/out"; then
    ok "call depth error is catchable and the script goes on"
else
    notok "call depth error is catchable (rc=$rc)" "$out"
fi
# deeply nested source must be refused by the parser, not overflow its stack
python3 -c 'print("(" * 100000 + "1" + ")" * 100000)' >deep.ps1
/usr/bin/time -o "$WORK/time" -f %M timeout 120 "$HVSH" -NoProfile -File deep.ps1 >"$WORK/out" 2>&1
rc=$?; out=$(head -c 2000 "$WORK/out")
if clean_exit && [ "$rc" != 0 ]; then ok "100000 nested parentheses: parse error, no crash"; else notok "100000 nested parentheses (rc=$rc)" "$out"; fi
python3 -c 'print("@{a=" * 20000 + "1" + "}" * 20000)' >deep2.ps1
timeout 120 "$HVSH" -NoProfile -File deep2.ps1 >"$WORK/out" 2>&1
rc=$?; out=$(head -c 2000 "$WORK/out")
if clean_exit; then ok "20000 nested hashtables: no crash"; else notok "20000 nested hashtables (rc=$rc)" "$out"; fi

# ---- big values -----------------------------------------------------------------------------
run 120 '$s = "x" * 100MB; $s.Length'
# the string is 100 MB; a bound of 350 MB allows one temporary copy, not unbounded growth
if clean_exit && [ "$(head -1 "$WORK/out")" = 104857600 ] && [ "$rss" -lt "$(bound 350)" ]; then
    ok "100 MB string: length right, peak RSS $((rss / 1024)) MB"
else
    notok "100 MB string (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
run 120 '$s = "ab" * 50MB; $t = $s.Replace("a", "c"); $t.Substring(0, 4); $t.Length'
if clean_exit && [ "$(paste -sd' ' "$WORK/out")" = "cbcb 104857600" ] && [ "$rss" -lt "$(bound 450)" ]; then
    ok "100 MB string through Replace/Substring, peak RSS $((rss / 1024)) MB"
else
    notok "100 MB string Replace (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
run 180 '$a = 1..10000000; $a.Count; $a[-1]'
# 10M values of 16 bytes = 160 MB
if clean_exit && [ "$(paste -sd' ' "$WORK/out")" = "10000000 10000000" ] && [ "$rss" -lt "$(bound 400)" ]; then
    ok "10-million-element array: count right, peak RSS $((rss / 1024)) MB"
else
    notok "10-million-element array (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
run 180 '$n = 0; foreach ($i in 1..10000000) { $n += $i }; $n'
# a range in foreach is enumerated lazily: no 160 MB array
if clean_exit && [ "$(head -1 "$WORK/out")" = 50000005000000 ] && [ "$rss" -lt "$(bound 100)" ]; then
    ok "foreach over 1..10000000 streams, peak RSS $((rss / 1024)) MB"
else
    notok "foreach over 1..10000000 (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
run 180 '1..3000000 | ForEach-Object { $_ } | Measure-Object | ForEach-Object Count'
if clean_exit && [ "$(head -1 "$WORK/out")" = 3000000 ] && [ "$rss" -lt "$(bound 100)" ]; then
    ok "3-million-object pipeline streams, peak RSS $((rss / 1024)) MB"
else
    notok "3-million-object pipeline (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi

# ---- big files, line by line ----------------------------------------------------------------
line='hello world, a line of text of sixty-four bytes 0123456789abcde'
if [ $asan = 1 ]; then
    skip "1 GB file through Get-Content | ForEach-Object" "too slow under ASan"
    size=100M
else
    size=1G
fi
yes "$line" | head -c $size >big.txt
want=$(wc -l <big.txt)
[ -n "$(tail -c 1 big.txt)" ] && want=$((want + 1)) # head -c cut the last line
run 600 '$n = 0; Get-Content big.txt | ForEach-Object { $n++ }; $n'
if clean_exit && [ "$(head -1 "$WORK/out")" = "$want" ] && [ "$rss" -lt "$(bound 200)" ]; then
    ok "$size file through Get-Content | ForEach-Object: $want lines, peak RSS $((rss / 1024)) MB"
else
    notok "$size file through Get-Content (rc=$rc, peak RSS $((rss / 1024)) MB, want $want lines)" "$out"
fi
rm -f big.txt
# switch -File reads line by line in pwsh too; 100 MB is enough to tell streaming from slurping
yes "$line" | head -c 100M >mid.txt
want=$(wc -l <mid.txt); [ -n "$(tail -c 1 mid.txt)" ] && want=$((want + 1))
run 300 '$n = 0; switch -File mid.txt { default { $n++ } }; $n'
if clean_exit && [ "$(head -1 "$WORK/out")" = "$want" ] && [ "$rss" -lt "$(bound 60)" ]; then
    ok "100 MB file through switch -File streams: peak RSS $((rss / 1024)) MB"
else
    notok "100 MB file through switch -File must stream (rc=$rc, peak RSS $((rss / 1024)) MB, bound $(($(bound 60) / 1024)) MB)" "$out"
fi
run 300 '$n = 0; foreach ($l in [System.IO.File]::ReadLines("mid.txt")) { $n++ }; $n'
if [ "$rc" != 0 ] && grep -qiE 'ReadLines|method|type' "$WORK/out" && clean_exit; then
    skip "100 MB file through [IO.File]::ReadLines" "not implemented (clean error)"
elif clean_exit && [ "$(head -1 "$WORK/out")" = "$want" ] && [ "$rss" -lt "$(bound 60)" ]; then
    ok "100 MB file through [IO.File]::ReadLines: peak RSS $((rss / 1024)) MB"
else
    notok "100 MB file through [IO.File]::ReadLines (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
run 300 '(Get-Content mid.txt -ReadCount 1000 | Measure-Object).Count'
if clean_exit && [ "$rss" -lt "$(bound 60)" ] && [ -n "$(head -1 "$WORK/out")" ]; then
    ok "100 MB file with -ReadCount 1000: peak RSS $((rss / 1024)) MB"
else
    notok "100 MB file with -ReadCount 1000 (rc=$rc, peak RSS $((rss / 1024)) MB)" "$out"
fi
rm -f mid.txt
# one line without any newline: must not crash (memory grows with the line, as in pwsh)
head -c 50M /dev/zero | tr '\0' 'y' >oneline.txt
run 300 '(Get-Content oneline.txt).Length'
if clean_exit && [ "$(head -1 "$WORK/out")" = 52428800 ]; then ok "50 MB single-line file"; else notok "50 MB single-line file (rc=$rc)" "$out"; fi
rm -f oneline.txt

# ---- closed pipe, Ctrl-C --------------------------------------------------------------------
pipe_case() { # name script
    local got
    got=$(timeout 20 "$HVSH" -NoProfile -c "$2" 2>"$WORK/err" | head -1)
    local st=("${PIPESTATUS[@]}")
    if [ "${st[0]}" != 124 ] && [ "$got" = 1 ] && ! grep -qE 'Sanitizer|runtime error' "$WORK/err"; then
        ok "closed pipe ends: $1"
    else
        notok "closed pipe ends: $1 (hvsh rc=${st[0]}, first line '$got')" "$(head -5 "$WORK/err")"
    fi
}
pipe_case "1..1e9" '1..1e9'
pipe_case "1..1e9 | ForEach-Object" '1..1e9 | ForEach-Object { $_ }'
pipe_case "while loop writing" '$i = 1; while ($true) { $i; $i++ }'
pipe_case "Write-Output in a function" 'function f { foreach ($i in 1..1e9) { Write-Output $i } }; f'

sigint_case() { # name script
    # the script leaves a flag once it runs; SIGINT goes 1 s after that (a Ctrl-C during
    # start-up is another matter: see the report)
    rm -f "$WORK/started.flag"
    timeout 30 "$HVSH" -NoProfile -NonInteractive \
        -c "[System.IO.File]::WriteAllText('$WORK/started.flag', '1'); $2" >"$WORK/out" 2>&1 &
    local p=$! i
    for i in $(seq 1 100); do [ -e "$WORK/started.flag" ] && break; sleep 0.1; done
    sleep 1
    kill -INT $p 2>/dev/null
    wait $p
    rc=$?
    if [ "$rc" != 124 ] && [ "$rc" != 137 ] && ! grep -qE 'Sanitizer|runtime error' "$WORK/out"; then
        ok "SIGINT stops: $1 (exit $rc)"
    else
        notok "SIGINT stops: $1 (rc=$rc)" "$(head -c 2000 "$WORK/out")"
    fi
}
sigint_case "empty endless loop" 'while ($true) { }'
sigint_case "counting loop" '$i = 0; while ($true) { $i++ }'
sigint_case "for(;;) with a function call" 'function f { 1 }; for (;;) { $null = f }'
sigint_case "Start-Sleep loop" 'while ($true) { Start-Sleep -Milliseconds 50 }'
sigint_case "Start-Sleep 100" 'Start-Sleep 100'
sigint_case "infinite pipeline" '1..1e12 | ForEach-Object { $_ } | Out-Null'
sigint_case "do-until false" 'do { $x = 1 } until ($false)'
sigint_case "try/finally in a loop" 'while ($true) { try { $x = 1 } finally { $y = 2 } }'

[ $skipped -gt 0 ] && echo "# $skipped skipped"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
