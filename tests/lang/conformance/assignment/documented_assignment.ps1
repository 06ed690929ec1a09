$a, $b = 1, 2; $a, $b = $b, $a; "$a $b"
$first, $rest = 1, 2, 3, 4; $first; $rest -join ','
$x, $y, $z = 1, 2; "z=[$z]"
$p = $q = 3; "$p $q"
$n = 10; $n -= 3; $n *= 2; $n /= 7; $n %= 3; $n
$s = "ab"; $s += "cd"; $s *= 2; $s
$arr = 1, 2; $arr += 3, 4; $arr.Count
$h = @{a = 1}; $h += @{b = 2}; $h.Count
$i = 5; $i++; ++$i; $i--; $i
$j = $null; $j++; $j
$k = "5"; $k += 1; $k
$m = 5; $m += "1"; $m
[int]$t = "7"; $t += "3"; $t
$u = 1; $u = $u++ + 10; $u
$v = @(); $v += 1; $v.GetType().Name
$w = 'a'..'e'; $w -join ''
[char]'a'..[char]'c' -join ','
5..1 -join ','
$c = 0; $c += 0.5; $c.GetType().Name
$d = [int]::MaxValue; $d++; $d.GetType().Name
$e = 3; $e /= 2; $e
$f = 7; [math]::floor($f / 2)
(1,2,3)[1..5] -join ','
$l = 1..10; $l[2..-1] -join ','
$null = 5; $null
[void](1 + 1)
$o = 1 | Out-Null; $null -eq $o
$g += 1; $g
