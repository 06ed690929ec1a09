# Native command arguments: wildcards expand for bare words only, quoted words stay
# literal, empty strings are passed, arrays become several arguments, -Name:value is one
# argument; big input streams through cat without deadlock.
/bin/echo globdir/*.txt
/bin/echo 'globdir/*.txt'
printf '[%s]\n' a "" b
$list = 'x', 'y'
printf '<%s>\n' $list
/bin/echo -n:value --flag
$n = 1..20000 | cat | Measure-Object
"lines through cat: $($n.Count)"
$r = 1..3 | ForEach-Object { "line $_" } | cat | Select-Object -Last 1
"last: $r"
