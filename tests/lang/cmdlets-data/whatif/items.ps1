New-Item -Path /tmp/hvsh-c2-wi.txt -ItemType File -WhatIf
Test-Path /tmp/hvsh-c2-wi.txt
Set-Content -Path /tmp/hvsh-c2-wi.txt -Value x -WhatIf
Add-Content -Path /tmp/hvsh-c2-wi.txt -Value x -WhatIf
Test-Path /tmp/hvsh-c2-wi.txt
New-Item -Path /tmp/hvsh-c2-wi-dir -ItemType Directory -WhatIf
Test-Path /tmp/hvsh-c2-wi-dir
