/usr/bin/printf '[%s]\n' "a b" c
/usr/bin/printf '[%s]\n' ''
$list = "1", "2"
/usr/bin/printf '<%s>\n' $list
