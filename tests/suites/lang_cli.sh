#!/bin/bash
# hvsh's command line as pwsh's: -Command/-File/stdin, parameter prefixes, exit codes,
# -SyntaxCheck, -Version, -EncodedCommand, shebang scripts.  Env: HVSH = binary.
set -u
HVSH=${HVSH:-$(cd "$(dirname "$0")/../.." && pwd)/hvsh}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # name, expected-stdout, expected-rc, command...
    local name=$1 exp=$2 exprc=$3
    shift 3
    local out rc
    out=$("$@" 2>"$tmp/err")
    rc=$?
    if [ "$out" == "$exp" ] && [ "$rc" == "$exprc" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "not ok - cli/$name (stdout [$out] want [$exp], rc $rc want $exprc)"
        head -3 "$tmp/err"
    fi
}

cat >"$tmp/params.ps1" <<'PS'
param([string]$Name = "anon", [int]$Count = 1, [switch]$Loud)
$msg = "$Name x $Count"
if ($Loud) { $msg.ToUpper() } else { $msg }
PS
printf '"line one"\nexit 7\n' >"$tmp/exit7.ps1"
printf 'if ($true) {\n' >"$tmp/bad.ps1"
printf '"ok"\n' >"$tmp/good.ps1"
printf '#!/usr/bin/env hvsh\n"shebang ran"\n' >"$tmp/sheb.ps1"
chmod +x "$tmp/sheb.ps1"
mkdir -p "$tmp/bin" && ln -sf "$HVSH" "$tmp/bin/hvsh"

check command-expr "2" 0 "$HVSH" -NoProfile -Command '1+1'
check command-short "3" 0 "$HVSH" -nop -noni -c '1+2'
check command-case "4" 0 "$HVSH" -NOPROFILE -COMMAND '2+2'
check command-joined-args "a b" 0 "$HVSH" -c '"a"' '+' '" b"'
check command-exit-n "" 5 "$HVSH" -c 'exit 5'
check command-exit-zero "" 0 "$HVSH" -c 'exit'
check command-last-failed "" 1 "$HVSH" -c 'Write-Error x 2>$null'
check command-throw "before" 1 "$HVSH" -c '"before"; throw "boom"'
check command-false-is-success "False" 0 "$HVSH" -c '$false'
check command-stdin "3" 0 sh -c "echo '1+2' | '$HVSH' -c -"
check stdin-script "piped" 0 sh -c "echo '\"piped\"' | '$HVSH'"
check file-default "anon x 1" 0 "$HVSH" -File "$tmp/params.ps1"
check file-named "bob x 3" 0 "$HVSH" -File "$tmp/params.ps1" -Name bob -Count 3
check file-positional "carol x 2" 0 "$HVSH" -f "$tmp/params.ps1" carol 2
check file-switch "DAN X 1" 0 "$HVSH" "$tmp/params.ps1" -Name dan -Loud
check file-exit "line one" 7 "$HVSH" -File "$tmp/exit7.ps1"
check file-missing "" 64 "$HVSH" -File "$tmp/nope.ps1"
check syntax-good "" 0 "$HVSH" -SyntaxCheck "$tmp/good.ps1"
check syntax-bad-rc "1" 0 sh -c "'$HVSH' -SyntaxCheck '$tmp/bad.ps1' | grep -c '^$tmp/bad.ps1:1:'"
check version "1" 0 sh -c "'$HVSH' -Version | grep -c 'PowerShell 7.4'"
check encoded "2" 0 "$HVSH" -EncodedCommand MQArADEA
check shebang "shebang ran" 0 env PATH="$tmp/bin:$PATH" "$tmp/sheb.ps1"
check noexit-noninteractive "1" 0 sh -c "'$HVSH' -NonInteractive -c '1' </dev/null"
check help "1" 0 sh -c "'$HVSH' -Help | grep -c '^Usage:'"
check command-native-fail "" 1 "$HVSH" -c '/bin/false'
check command-native-code-to-1 "" 1 "$HVSH" -c '/bin/sh -c "exit 3"'
check command-keep-lastexitcode "" 3 "$HVSH" -c '/bin/sh -c "exit 3"; exit $LASTEXITCODE'
check command-child-script-exit "5" 0 "$HVSH" -c "& '$tmp/exit7.ps1' > \$null; \$LASTEXITCODE - 2"
check file-child-script-exit "line one|7" 0 "$HVSH" -c "\$o = & '$tmp/exit7.ps1'; \"\$o|\$LASTEXITCODE\"; exit 0"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
