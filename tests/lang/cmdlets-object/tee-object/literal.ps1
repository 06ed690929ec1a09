'lit' | Tee-Object -LiteralPath './tee[1].txt' | Out-Null
Get-Content -LiteralPath './tee[1].txt'
Remove-Item -LiteralPath './tee[1].txt'
