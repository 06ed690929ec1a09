function nb { [CmdletBinding(PositionalBinding=$false)] param($A) "a=$A" }
nb -A 1
try { nb 2 } catch { $_.FullyQualifiedErrorId }
