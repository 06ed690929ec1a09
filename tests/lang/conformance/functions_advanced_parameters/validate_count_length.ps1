function Test-Count { param([ValidateCount(1,2)][int[]]$n) $n.Count }
Test-Count 1,2
try { Test-Count 1,2,3 } catch { $_.Exception.Message }
function Test-Length { param([ValidateLength(1,3)][string]$s) $s }
Test-Length abc
try { Test-Length abcd } catch { $_.Exception.Message }
