ConvertTo-Json 'he said "hi"'
$null | ConvertTo-Json
ConvertTo-Json 42
ConvertTo-Json 3.25
ConvertTo-Json 1.0
ConvertTo-Json $false
ConvertTo-Json ([long]::MaxValue)
ConvertTo-Json (0.1 + 0.2)
ConvertTo-Json 1e20
