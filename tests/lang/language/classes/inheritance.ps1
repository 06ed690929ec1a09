class Animal {
    [string]$Name
    Animal([string]$n) { $this.Name = $n }
    [string] Speak() { return "$($this.Name) makes a sound" }
    [string] Describe() { return "I am $($this.Name): $($this.Speak())" }
}
class Dog : Animal {
    Dog([string]$n) : base($n) { }
    [string] Speak() { return "$($this.Name) barks" }
}
$d = [Dog]::new("rex")
$d.Speak()
$d.Describe()
$d -is [Animal]
$d -is [Dog]
