# Statement-terminating errors from cmdlets and the binder: caught by try/catch, otherwise
# reported and the script goes on with the next statement; $? is false afterwards; the
# pipeline is abandoned (the producer's end block does not run).
function Upstream { process { Write-Host "upstream $_"; $_ } end { Write-Host "upstream end" } }
try {
    1..3 | Upstream | ForEach-Object { if ($_ -eq 2) { Set-StrictMode -Version 9 }; "passed $_" }
} catch {
    "caught: $($_.FullyQualifiedErrorId)"
}
Set-StrictMode -Version 9
"dollar-q: $?"
Get-Variable -NoSuchParameter
"after binding error"
