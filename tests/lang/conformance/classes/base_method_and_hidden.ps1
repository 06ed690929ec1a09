class Person {
  [string]$Name
  [int]$Age = 1
  hidden [string]$Secret = 's'
  Person() { }
  Person([string]$n) { $this.Name = $n }
  [string] Greet() { return "Hi $($this.Name)" }
}
class Emp : Person {
  [string]$Dept
  Emp([string]$n, [string]$d) : base($n) { $this.Dept = $d }
  [string] Greet() { return ([Person]$this).Greet() + " from $($this.Dept)" }
}
$r = [Person]@{ Name = "Cy"; Age = 9 }
$r.Age
$r.Secret
$e = [Emp]::new("Di", "IT")
$e.Greet()
[Person]::new("Ann")
