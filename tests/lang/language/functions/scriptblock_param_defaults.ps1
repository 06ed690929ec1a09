$sb = { param($a = 1, $b = 2) $a + $b }
& $sb
& $sb 10
& $sb -b 5
