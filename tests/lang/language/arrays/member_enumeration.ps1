$objs = @([pscustomobject]@{N="a";V=1}, [pscustomobject]@{N="b";V=2})
$objs.N -join ","
($objs.V | Measure-Object -Sum).Sum
$words = "one","three"
$words.Length -join ","
