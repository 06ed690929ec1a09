$a = 10; $b = 3
$a + $b; $a - $b; $a * $b; $a / $b; $a % $b
-$a; +$b; $a++; $b--; ++$a; --$b
$a += 5; $a -= 2; $a *= 2; $a /= 4; $a %= 3
$x = $null
$x ??= 'default'
$y = $x ?? 'fallback'
$big = $a -gt 5 ? 'big' : 'small'
$a -eq 1 -or $b -ne 2 -and -not ($a -lt $b)
1 -band 3; 1 -bor 2; 5 -bxor 1; -bnot 0; 1 -shl 4; 256 -shr 2
'abc' -like 'a*'; 'abc' -notlike 'b*'; 'abc' -clike 'A*'
'abc' -match '^a(?<rest>.*)$'; $Matches.rest
'abc' -notmatch 'z'; 'ABC' -cmatch 'abc'
@(1, 2, 3) -contains 2; 4 -in 1..3; 4 -notin 1..3; @('a') -notcontains 'b'
5 -is [int]; '5' -isnot [int]; '5' -as [int]; $null -as [string]
1..10 | Where-Object { $_ % 3 -eq 0 }
$r = 10..1
$r[0..2]; $r[-1]; $r[1, 3, 5]
$t = [type]'int'
$arr = 1, 2, 3
$single = , 1
$nested = , (1, 2)
$list = @()
$list += 'x'
$arr.Count -eq 3 && 'three' || 'not three'
Test-Path /tmp && Write-Output 'tmp exists'
Get-Item /nope 2>$null || Write-Output 'no such item'
[int]'42' + [double]'0.5'
[bool]0; [bool]'x'; [char]65; [int][char]'A'
$h = @{ a = 1 }; ${h}?.a; ${h}?['a']
