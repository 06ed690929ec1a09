$list = [System.Collections.ArrayList]::new()
[void]$list.Add("a")
$null = $list.Add("b")
$list.Count
$list -join ","
$list.Remove("a")
$list[0]
