try { '{"a":1,"A":2}' | ConvertFrom-Json } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { 'not json' | ConvertFrom-Json; 'no error' } catch { 'caught'; $_.FullyQualifiedErrorId }
try { '{"":1}' | ConvertFrom-Json } catch { $_.Exception.Message }
('{"":1}' | ConvertFrom-Json -AsHashtable)['']
