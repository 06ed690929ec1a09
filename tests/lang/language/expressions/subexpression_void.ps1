$r = @( [void]"x"; $null; 1 )
$r.Count
