'before'
[pscustomobject]@{ a = 1 }
'inside'
[pscustomobject]@{ a = 2 }
[pscustomobject]@{ b = 3 }
'end'
