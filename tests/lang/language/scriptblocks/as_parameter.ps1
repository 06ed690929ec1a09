function apply($f, $x) { & $f $x }
apply { param($v) $v + 100 } 5
