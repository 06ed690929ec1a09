class Greeter {
    [string] Greet() { return "hello" }
    [string] Greet([string]$n) { return "hello $n" }
    [string] Greet([string]$n, [int]$times) { return ("hi $n " * $times).Trim() }
}
$g = [Greeter]::new()
$g.Greet()
$g.Greet("bo")
$g.Greet("x", 2)
