class Base { [string] Describe() { return "base" } }
class Derived : Base { [string] Describe() { return "derived+" + ([Base]$this).Describe() } }
[Derived]::new().Describe()
