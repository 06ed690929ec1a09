# -SetSeed seeds the session's generator (.NET's seeded System.Random), which later
# Get-Random calls continue to use
Get-Random -SetSeed 0 -Maximum 100
Get-Random -Maximum 100
Get-Random -SetSeed 42
(1..10 | Get-Random -SetSeed 5 -Count 3) -join ','
(Get-Random -SetSeed 3 -InputObject a, b, c, d -Shuffle) -join ''
