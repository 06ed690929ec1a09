function Get-One { 1 }
(Get-Command Get-One).Definition
(Get-Command Get-One).CommandType
filter Get-Pass { $_ }
"[" + (Get-Command Get-Pass).Definition + "]"
(Get-Command Get-Pass).CommandType
"[" + ${function:Get-One} + "]"
function Get-Def { $MyInvocation.MyCommand.Definition }
"[" + (Get-Def) + "]"
