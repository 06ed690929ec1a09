# The shape of ErrorRecords: exception type, category info, ids, target, invocation info.
try { Get-Variable -Name nosuchvariable -ErrorAction Stop } catch { $e = $_ }
$e.Exception.Message
$e.Exception.GetType().FullName
$e.FullyQualifiedErrorId
$e.CategoryInfo.Category
"$($e.CategoryInfo)"
$e.TargetObject
$e.InvocationInfo.MyCommand.Name
"$e"
try { throw "boom" } catch { $t = $_ }
$t.Exception.GetType().FullName
$t.FullyQualifiedErrorId
"$($t.CategoryInfo)"
try { Get-Variable -Name nosuchvariable -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { "typed catch" }
