# Write-Error without -Exception wraps its message in a WriteErrorException.
try {
    Write-Error 'failed here' -ErrorAction Stop
} catch {
    $_.Exception.GetType().FullName
    $_.Exception.Message
    $_.Exception -is [System.SystemException]
    $_.CategoryInfo.Category
}
try {
    Write-Error 'typed' -Category InvalidArgument -ErrorAction Stop
} catch [Microsoft.PowerShell.Commands.WriteErrorException] {
    "caught by type: $($_.Exception.Message) ($($_.CategoryInfo.Category))"
}
