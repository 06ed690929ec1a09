# The header comes from the first object; later objects are written against it
[pscustomobject]@{A = 1; B = 2}, [pscustomobject]@{B = 3; C = 4} | ConvertTo-Csv
