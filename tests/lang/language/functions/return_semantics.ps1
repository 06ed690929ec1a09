function r { "a"; return "b"; "c" }
r
function m { 1; 2 }
(m).Count
function early($x) { if ($x) { return "early" }; "late" }
early 1
early 0
