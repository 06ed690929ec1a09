$d = @(
    [pscustomobject]@{ Name = 'c'; Size = 1; Group = 'x' }
    [pscustomobject]@{ Name = 'a'; Size = 3; Group = 'y' }
    [pscustomobject]@{ Name = 'b'; Size = 2; Group = 'x' }
    [pscustomobject]@{ Name = 'd'; Size = 2; Group = 'y' }
)
($d | Sort-Object Name).Name -join ','
($d | Sort-Object Size, Name).Name -join ','
($d | Sort-Object Size -Descending).Name -join ','
($d | Sort-Object { $_.Name } -Descending).Name -join ','
($d | Sort-Object @{ Expression = 'Group'; Descending = $true }, @{ Expression = 'Name'; Ascending = $true }).Name -join ','
($d | Sort-Object Group, Size).Name -join ','
