class Person {
    [string]$Name
    [int]$Age
}
$p = [Person]@{ Name = "Ann"; Age = "30" }
$p.Name
$p.Age + 1
