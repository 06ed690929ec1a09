$t = [pscustomobject]@{ k = 'v' } | Out-String
$t.Replace("`n", '|')
