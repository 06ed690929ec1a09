$x = 1
$ExecutionContext.InvokeCommand.ExpandString('v=$x "q" $(1+1)')
function f { $loc = "L"; $ExecutionContext.InvokeCommand.ExpandString('[$loc]') }
f
$t = 'Hello $env:USER_X2'
$env:USER_X2 = "bob"
$ExecutionContext.InvokeCommand.ExpandString($t)
$ExecutionContext.InvokeCommand.ExpandString('tab`there')
