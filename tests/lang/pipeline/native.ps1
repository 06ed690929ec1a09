# Native commands: arguments, output lines as strings, piping into and out of them,
# $LASTEXITCODE and $?.
/bin/echo native args "two words"
printf '%s\n' b a c | sort
"x", "y", "z" | wc -l
$lines = printf 'one\ntwo\n'
"count: $($lines.Count) first: $($lines[0])"
sh -c 'exit 3'
"ok: $?"
"code: $LASTEXITCODE"
sh -c 'exit 0'
"ok: $?"
"code: $LASTEXITCODE"
printf 'keep\ndrop\nkeep2\n' | Where-Object { $_ -like 'keep*' }
$n = 1..5 | sort -r | Select-Object -First 1
"max: $n"
