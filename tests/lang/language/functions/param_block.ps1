function greet {
    param($Name = "you", $Greeting = "Hi")
    "$Greeting $Name"
}
greet
greet me
greet -Greeting Yo
