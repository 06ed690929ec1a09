try { 1/0 } catch {
    $_.Exception.GetType().Name
    $_.Exception.InnerException.GetType().Name
    $_.Exception.Message
}
try { 5 % 0 } catch [System.DivideByZeroException] { "modulo by zero caught" }
