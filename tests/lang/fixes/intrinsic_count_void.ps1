# intrinsic Count/Length on scalars and $null; $Error.Clear(); void .NET methods emit nothing
"null count: $($null.Count) $($null.Length)"
"item count: $((Get-Item .).Count)"
"scalar: $((5).Count) $('abc'.Count)"
try { 1/0 } catch { }
"errors: $($Error.Count)"
$Error.Clear()
"after clear: $($Error.Count) $($Error.GetType().Name)"
$l = [System.Collections.Generic.List[string]]::new()
$l.Add('a')
$l.Insert(0, 'z')
$l.Clear()
$al = [System.Collections.ArrayList]::new()
$al.Add('a')
$al.Add('b')
[void]$al.Add('c')
"list: $($l.Count) arraylist: $($al.Count)"
