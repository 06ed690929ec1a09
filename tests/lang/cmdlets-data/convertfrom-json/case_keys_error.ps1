try { '{"a":1,"A":2}' | ConvertFrom-Json } catch { $_.Exception.Message }
try { 'not json' | ConvertFrom-Json; 'no error' } catch { 'caught' }
