class Box {
    [string]$Label
    Box() { $this.Label = "none" }
    Box([string]$l) { $this.Label = $l }
    Box([string]$l, [int]$n) { $this.Label = "$l x$n" }
}
[Box]::new().Label
[Box]::new("a").Label
[Box]::new("b", 2).Label
