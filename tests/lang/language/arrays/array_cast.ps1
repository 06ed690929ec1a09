$a = [array]5
$a.Count
$b = @($null)
$b.Count
$c = @($null, $null)
$c.Count
