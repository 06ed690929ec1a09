# PowerShell Direct (-VMName) has no KVM equivalent: a clear terminating error, not a typo hint
try {
    Invoke-Command -VMName 'dc01' -Credential $null -ScriptBlock { hostname }
} catch {
    $_.CategoryInfo.Category
    $_.Exception.GetType().Name
}
Invoke-Command -ScriptBlock { param($x) $x * 2 } -ArgumentList 21
