class Point {
    [int]$X
    [int]$Y
    Point([int]$x, [int]$y) { $this.X = $x; $this.Y = $y }
    [int] Sum() { return $this.X + $this.Y }
}
$p = [Point]::new(2, 3)
$p.X
$p.Sum()
$p.GetType().Name
