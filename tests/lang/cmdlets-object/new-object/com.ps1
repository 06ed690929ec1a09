try { New-Object -ComObject Shell.Application -ErrorAction Stop } catch { 'com failed' }
