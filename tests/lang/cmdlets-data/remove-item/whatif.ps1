$d = '/tmp/hvsh-c2-whatif-test'
New-Item -ItemType Directory -Path $d -Force | Out-Null
New-Item -Path "$d/keep.txt" -ItemType File -Force | Out-Null
Remove-Item "$d/keep.txt" -WhatIf
Test-Path "$d/keep.txt"
Remove-Item $d -Recurse -WhatIf
Remove-Item $d -Recurse
Test-Path $d
