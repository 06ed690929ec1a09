$ex = [System.InvalidOperationException]::new("bad state")
$er = [System.Management.Automation.ErrorRecord]::new($ex, "MyId", [System.Management.Automation.ErrorCategory]::InvalidData, "tgt")
$er.FullyQualifiedErrorId
$er.CategoryInfo.Category
$er.Exception.Message
$er.Exception.GetType().FullName
$er.TargetObject
"$er"
function Test-Terminate { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError($er) }
try { Test-Terminate } catch { "caught: $($_.Exception.Message) [$($_.CategoryInfo.Category)]" }
[int][System.Management.Automation.ErrorCategory]::InvalidData
