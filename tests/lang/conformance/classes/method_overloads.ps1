class Calc {
  static [int] Add([int]$a, [int]$b) { return $a + $b }
  static [int] Add([int]$a, [int]$b, [int]$c) { return $a + $b + $c }
  [int] Twice([int]$x) { return $x * 2 }
  [string] Twice([string]$s) { return $s + $s }
}
[Calc]::Add(1, 2)
[Calc]::Add(1, 2, 3)
$c = [Calc]::new()
$c.Twice(4)
$c.Twice("ab")
