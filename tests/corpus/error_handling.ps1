# try/catch/finally, -ErrorAction, $Error and custom exceptions as used in lab scripts.
$ErrorActionPreference = 'Continue'
function Invoke-Step {
    param([string]$Name, [scriptblock]$Action)
    Write-Host "==> $Name"
    try {
        & $Action
        Write-Host "    ok"
    } catch [System.Management.Automation.ItemNotFoundException] {
        Write-Host "    missing item: $($_.TargetObject)"
    } catch [System.DivideByZeroException] {
        Write-Host "    math error: $($_.Exception.GetType().Name)"
    } catch {
        Write-Host "    failed: $($_.Exception.Message)"
    } finally {
        Write-Host "    cleanup for $Name"
    }
}

Invoke-Step 'Read missing file' { Get-Content -Path '/nonexistent/lab.json' -ErrorAction Stop }
Invoke-Step 'Divide' { $zero = 0; 10 / $zero }
Invoke-Step 'Throw string' { throw 'Switch LabNAT is misconfigured' }
Invoke-Step 'Works' { $null = 1 + 1 }
Invoke-Step 'Bad cast' { [int]'abc' }

$result = try { [int]'12' * 2 } catch { -1 }
"Result: $result"

# non-terminating errors do not reach catch without -ErrorAction Stop
try {
    Get-Item -Path '/nonexistent-a', '/nonexistent-b' -ErrorAction SilentlyContinue -ErrorVariable ev
    "Collected $($ev.Count) errors"
} catch {
    'not reached'
}

# $ErrorActionPreference = 'Stop' turns them into terminating errors
$ErrorActionPreference = 'Stop'
try {
    Get-Item -Path '/nonexistent-c'
    'not reached'
} catch {
    "Caught: $($_.CategoryInfo.Category)"
}
$ErrorActionPreference = 'Continue'

# throwing objects and rethrowing
function Test-Rethrow {
    try {
        throw [System.InvalidOperationException]::new('VM is running')
    } catch {
        Write-Host "Inner caught: $($_.Exception.Message)"
        throw
    }
}
try { Test-Rethrow } catch { "Outer caught: $($_.Exception.GetType().FullName)" }

# trap in a function
function Test-Trap {
    trap { Write-Host "Trapped: $_"; continue }
    'before'
    throw 'boom'
    'after'
}
Test-Trap
$Error.Clear()
Write-Error 'custom error' -ErrorAction SilentlyContinue
$Error.Count
$Error[0].Exception.Message
