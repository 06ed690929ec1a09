. ./fixtures/lib.ps1
$libVar
Get-LibValue
