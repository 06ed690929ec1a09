/bin/echo hello
$out = /bin/echo captured
$out
$lines = /usr/bin/printf 'a\nb\n'
$lines.Count
