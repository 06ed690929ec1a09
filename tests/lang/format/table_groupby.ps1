$d = @(
    [pscustomobject]@{ Name = 'a'; Kind = 'x' }
    [pscustomobject]@{ Name = 'b'; Kind = 'x' }
    [pscustomobject]@{ Name = 'c'; Kind = 'y' }
)
$d | Format-Table -GroupBy Kind
