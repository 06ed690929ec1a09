function Test-Set { param([ValidateSet("Low","High")][string]$Level) $Level }
Test-Set High
try { Test-Set Mid } catch { $_.Exception.Message }
function Test-Range { param([ValidateRange(1,10)][int]$n) $n }
try { Test-Range 11 } catch { $_.Exception.Message }
try { Test-Range 0 } catch { $_.Exception.Message }
function Test-Pattern { param([ValidatePattern('^\d+$')]$n) $n }
try { Test-Pattern abc } catch { $_.Exception.Message }
function Test-NotEmpty { param([ValidateNotNullOrEmpty()]$s) $s }
try { Test-NotEmpty '' } catch { $_.Exception.Message }
function Test-Alias { [CmdletBinding()] param([Alias('CN')]$ComputerName) $ComputerName }
Test-Alias -CN srv1
Test-Alias -Comp srv2
function Test-Pos { param([Parameter(Position=1)]$b, [Parameter(Position=0)]$a) "a=$a b=$b" }
Test-Pos 1 2
