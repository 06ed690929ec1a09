function rs { "a"; return "b"; "c" }
rs
function m { 1; 2 }
(m).Count
function early($x) { if ($x) { return "early" }; "late" }
early 1
early 0
