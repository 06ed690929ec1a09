class P {
    [string]$Name
    P([string]$n) { $this.Name = $n }
    [string] Hi() { return "Hi " + $this.Name }
    [string] Greet([string]$g, [int]$n) { return ($g * $n) + " " + $this.Name }
}
$objs = [P]::new('a'), [P]::new('b')
$objs | % Hi
$objs | ForEach-Object -MemberName Hi
$objs | ForEach-Object Greet -ArgumentList 'x', 2
$objs | % Name
($objs | % Hi).Count
[xml]$x = '<a><b>1</b><b>2</b></a>'
($x.a | ForEach-Object SelectNodes 'b').Count
$x.a | % GetAttribute 'none' | % Length
