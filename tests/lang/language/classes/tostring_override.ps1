class Temp {
    [double]$Deg
    Temp([double]$d) { $this.Deg = $d }
    [string] ToString() { return "$($this.Deg) C" }
}
$t = [Temp]::new(21.5)
"$t"
$t.ToString()
