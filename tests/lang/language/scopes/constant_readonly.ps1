Set-Variable -Name ro -Value 5 -Option ReadOnly
$ro
try { $ro = 6 } catch { "error: $($_.Exception.Message)" }
$ro
