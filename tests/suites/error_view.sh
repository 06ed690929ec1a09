#!/bin/bash
# The ConciseView error display on stderr (pwsh 7.4's default $ErrorView), which needs the
# script's full path, so it is checked here rather than as a golden file.
set -u
HVSH=${HVSH:-./hvsh}
HVSH=$(cd "$(dirname "$HVSH")" && pwd)/$(basename "$HVSH")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

check() { # name, script text, expected stderr (with @DIR@), expected exit code
    local name=$1 script=$2 expected=${3//@DIR@/$dir} want_rc=$4
    printf '%s\n' "$script" >"$dir/$name.ps1"
    local err rc
    err=$(cd "$dir" && NO_COLOR=1 COLUMNS=120 TERM=dumb "$HVSH" -NoProfile -NonInteractive -File "$name.ps1" 2>&1 >/dev/null)
    rc=$?
    if [ "$err" == "$expected" ] && [ "$rc" == "$want_rc" ]; then
        pass=$((pass + 1))
        echo "ok - $name"
    else
        fail=$((fail + 1))
        echo "not ok - $name (exit $rc, want $want_rc)"
        diff <(echo "$expected") <(echo "$err") | sed 's/^/    /' | head -20
    fi
}

check_cmd() { # name, command text, expected stderr, expected exit code
    local name=$1 cmd=$2 expected=$3 want_rc=$4 err rc
    err=$(cd "$dir" && NO_COLOR=1 COLUMNS=120 TERM=dumb "$HVSH" -NoProfile -NonInteractive -Command "$cmd" 2>&1 >/dev/null)
    rc=$?
    if [ "$err" == "$expected" ] && [ "$rc" == "$want_rc" ]; then
        pass=$((pass + 1))
        echo "ok - $name"
    else
        fail=$((fail + 1))
        echo "not ok - $name (exit $rc, want $want_rc)"
        diff <(echo "$expected") <(echo "$err") | sed 's/^/    /' | head -20
    fi
}

check cmdlet_error '$x = 1
Get-Variable -Name nosuch' 'Get-Variable: @DIR@/cmdlet_error.ps1:2
Line |
   2 |  Get-Variable -Name nosuch
     |  ~~~~~~~~~~~~~~~~~~~~~~~~~
     | Cannot find a variable with the name '"'"'nosuch'"'"'.' 0

check throw 'throw "boom"' 'Exception: @DIR@/throw.ps1:1
Line |
   1 |  throw "boom"
     |  ~~~~~~~~~~~~
     | boom' 1

check binding 'Get-Variable -Foo' 'Get-Variable: @DIR@/binding.ps1:1
Line |
   1 |  Get-Variable -Foo
     |               ~~~~
     | A parameter cannot be found that matches parameter name '"'"'Foo'"'"'.' 0

check indented 'function f {
    Get-Variable -Name missing
}
f' 'Get-Variable: @DIR@/indented.ps1:2
Line |
   2 |      Get-Variable -Name missing
     |      ~~~~~~~~~~~~~~~~~~~~~~~~~~
     | Cannot find a variable with the name '"'"'missing'"'"'.' 0

check wrapped 'throw ("word " * 40)' 'Exception: @DIR@/wrapped.ps1:1
Line |
   1 |  throw ("word " * 40)
     |  ~~~~~~~~~~~~~~~~~~~~
     | word word word word word word word word word word word word word word word word word word word word word word
     | word word word word word word word word word word word word word word word word word word' 1

check write_error_in_function 'function Fail { Write-Error "failure" }
Fail' 'Fail: @DIR@/write_error_in_function.ps1:2
Line |
   2 |  Fail
     |  ~~~~
     | failure' 0

check write_error_top 'Write-Error "boom"' 'Write-Error: boom' 0

check null_method '$x = $null
$x.Foo()' 'InvalidOperation: @DIR@/null_method.ps1:2
Line |
   2 |  $x.Foo()
     |  ~~~~~~~~
     | You cannot call a method on a null-valued expression.' 0

check divide 'function Divide { 1 / 0 }
Divide' 'RuntimeException: @DIR@/divide.ps1:1
Line |
   1 |  function Divide { 1 / 0 }
     |                    ~~~~~
     | Attempted to divide by zero.' 0

check_cmd command_mode 'Get-Variable -Name nosuch' "Get-Variable: Cannot find a variable with the name 'nosuch'." 1

check_cmd command_throw 'throw "bad"' 'Exception: bad' 1

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
