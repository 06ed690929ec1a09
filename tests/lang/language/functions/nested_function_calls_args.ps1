function Outer-Fn($x) { Inner-Fn ($x + 1) }
function Inner-Fn($y) { "inner got $y" }
Outer-Fn 1
