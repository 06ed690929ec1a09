# Execution policies on Linux (pwsh 7): every scope is Unrestricted; setting one is not
# supported on this platform (the error does not stop the script by itself).
Get-ExecutionPolicy
(Get-ExecutionPolicy -Scope CurrentUser).ToString()
(Get-ExecutionPolicy).GetType().FullName
Get-ExecutionPolicy -List | ForEach-Object { '{0}={1}' -f $_.Scope, $_.ExecutionPolicy }
if ((Get-ExecutionPolicy) -ne 'Restricted') { 'scripts can run' }
Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope Process -Force -ErrorAction SilentlyContinue
'after Set-ExecutionPolicy'
try {
    Set-ExecutionPolicy RemoteSigned -Scope CurrentUser -Force -ErrorAction Stop
} catch {
    $_.Exception.Message
    $_.FullyQualifiedErrorId
}
