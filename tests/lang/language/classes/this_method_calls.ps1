class Calc {
    [int]$Base = 10
    [int] Add([int]$n) { return $this.Base + $n }
    [int] AddTwice([int]$n) { return $this.Add($n) + $this.Add($n) }
}
[Calc]::new().AddTwice(1)
