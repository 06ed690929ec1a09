function k { [CmdletBinding()] param($A) "a=$A" }
try { k -Nope 1 } catch { $_.FullyQualifiedErrorId }
