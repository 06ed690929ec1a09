# about_Operators (call and dot-sourcing operators): & and . may be written directly
# before a script block or parenthesized expression; dot-sourcing runs in the current
# scope. Old scripts load Windows assemblies, which gives $null here.
.{ $inner = 'set by dot-sourced block'; 'dot block ran' }
$inner
&{ $other = 'child scope'; 'call block ran' }
$null -eq $other
$cmd = 'Write-Output'
.($cmd) 'dot paren'
&($cmd) 'call paren'
[void][System.Reflection.Assembly]::LoadWithPartialName('System.Windows.Forms')
$null -eq [Reflection.Assembly]::LoadWithPartialName('Microsoft.VisualBasic')
'still running'
