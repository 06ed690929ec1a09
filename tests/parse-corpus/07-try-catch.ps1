function Invoke-WithRetry {
    param(
        [Parameter(Mandatory)][scriptblock]$Action,
        [int]$Attempts = 3,
        [timespan]$Delay = [timespan]::FromSeconds(2)
    )
    for ($i = 1; $i -le $Attempts; $i++) {
        try {
            return & $Action
        }
        catch [System.TimeoutException], [System.IO.IOException] {
            Write-Warning "Attempt $i of $Attempts failed: $($_.Exception.Message)"
            if ($i -eq $Attempts) { throw }
            Start-Sleep -Seconds $Delay.TotalSeconds
        }
        catch {
            Write-Error -ErrorRecord $_
            break
        }
        finally {
            Write-Verbose "Attempt $i done"
        }
    }
}

trap [System.Management.Automation.CommandNotFoundException] {
    Write-Warning "Missing command: $($_.TargetObject)"
    continue
}

$result = Invoke-WithRetry -Action { Get-VM -Name 'dc01' } -Attempts 2
try {
    $null = 1 / 0
} catch [System.DivideByZeroException] {
    'divide by zero caught'
}

try {
    throw "plain string error"
}
catch {
    $err = $_
    "Caught: $($err.Exception.Message) at line $($err.InvocationInfo.ScriptLineNumber)"
}

$ErrorActionPreference = 'Continue'
Get-Item /nonexistent -ErrorAction SilentlyContinue -ErrorVariable gv
if ($gv) { "error variable has $($gv.Count) record(s)" }
