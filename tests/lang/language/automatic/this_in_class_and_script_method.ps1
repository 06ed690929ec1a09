class Tally { [int]$N = 3; [int] Double() { return $this.N * 2 } }
[Tally]::new().Double()
