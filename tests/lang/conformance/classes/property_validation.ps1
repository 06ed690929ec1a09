class Val { [ValidateRange(1,5)][int]$N = 1; [ValidateNotNullOrEmpty()][string]$S = 'x' }
$v = [Val]::new()
$v.N = 3
$v.N
try { $v.N = 9 } catch { "caught" }
$v.N
try { $v.S = '' } catch { "caught empty" }
$v.S
