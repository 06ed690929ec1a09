try { throw [pscustomobject]@{ Code = 5 } } catch { $_.TargetObject.Code }
