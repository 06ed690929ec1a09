try { @{1 = 'a'} | ConvertTo-Json } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
@{'1' = 'a'} | ConvertTo-Json -Compress
