try {
    $null.Call()
} catch {
    $_.InvocationInfo.ScriptLineNumber
}
