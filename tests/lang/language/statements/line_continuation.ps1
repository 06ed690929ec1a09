$x = 1 + `
  2
$x
$y = "a",
  "b"
$y.Count
Write-Output `
  "continued"
