#!/bin/bash
# `hvsh -SyntaxCheck` over every script in tests/parse-corpus/ (each must have no syntax
# errors), plus files with known errors (each must print "file:line:col: message" and fail).
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-./hvsh}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /'; }

if [ ! -x "$HVSH" ]; then
    notok "hvsh binary $HVSH is missing"
    echo "$pass passed, $fail failed"
    exit 1
fi

for f in tests/parse-corpus/*.ps1; do
    out=$("$HVSH" -SyntaxCheck "$f" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then
        ok "$f has no syntax errors"
    else
        notok "$f has no syntax errors (exit $rc)" "$out"
    fi
done

# all files in one call
out=$("$HVSH" -SyntaxCheck tests/parse-corpus/*.ps1 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "-SyntaxCheck with many files"; else notok "-SyntaxCheck with many files (exit $rc)" "$out"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check_error() { # name, content, expected output line (with FILE for the path)
    local name=$1 content=$2 expect=$3
    printf '%s' "$content" >"$tmp/$name.ps1"
    local out rc
    out=$("$HVSH" -SyntaxCheck "$tmp/$name.ps1" 2>&1)
    rc=$?
    expect=${expect//FILE/$tmp/$name.ps1}
    if [ $rc -ne 0 ] && [ "$out" = "$expect" ]; then
        ok "syntax error reported: $name"
    else
        notok "syntax error reported: $name (exit $rc)" "expected: $expect
got:      $out"
    fi
}

check_error missing-brace $'function f {\n  1\n' \
    "FILE:1:12: Missing closing '}' in statement block or type definition."
check_error missing-paren $'if ($x {\n}\n' \
    "FILE:1:7: Missing closing ')' after expression in 'if' statement."
check_error placeholder $'Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true\n' \
    "FILE:1:25: The '<' operator is reserved for future use."
check_error unterminated-string $'Write-Host "abc\n' \
    "FILE:1:12: The string is missing the terminator: \"."
check_error empty-pipe $'Get-VM | | Start-VM\n' \
    "FILE:1:10: An empty pipe element is not allowed."

out=$("$HVSH" -SyntaxCheck "$tmp/does-not-exist.ps1" 2>&1)
rc=$?
if [ $rc -ne 0 ] && [[ "$out" == *does-not-exist.ps1* ]]; then ok "missing file is an error"; else notok "missing file is an error (exit $rc)" "$out"; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
