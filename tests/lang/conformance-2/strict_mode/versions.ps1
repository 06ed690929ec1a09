# Set-StrictMode: version 1.0 forbids unset variables except inside strings; 2.0 also
# forbids them in strings, missing properties, and calling a function like a method.
Set-StrictMode -Version 1.0
"in a string: [$notSetA]"
try { $notSetB + 1 } catch { "1.0: $($_.Exception.Message)" }
$o = [pscustomobject]@{ a = 1 }
$null -eq $o.missing
Set-StrictMode -Version 2.0
try { "in a string: [$notSetC]" } catch { "2.0 string: $($_.FullyQualifiedErrorId)" }
try { $o.missing } catch { "2.0: $($_.FullyQualifiedErrorId)" }
function add($a, $b) { $a + $b }
try { add(1, 2) } catch {
    $_.Exception.Message
    $_.FullyQualifiedErrorId
}
add 1 2
Set-StrictMode -Off
"off: [$notSetD]"
