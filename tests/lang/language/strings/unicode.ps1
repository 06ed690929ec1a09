$s = "héllo wörld"
$s.Length
$s.ToUpper()
"한국어".Length
