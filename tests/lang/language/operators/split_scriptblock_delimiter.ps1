"a1b2c" -split { $_ -match '\d' }
"x-y-z" -split { $_ -eq '-' }, 2
