# a script block passed to Regex.Replace becomes a MatchEvaluator
[regex]::Replace('vm-001,vm-002', 'vm-(\d+)', { param($m) 'VM' + [int]$m.Groups[1].Value })
$re = [regex]'\d+'
$re.Replace('a1b22', { '<' + $args[0].Value + '>' })
[regex]::Replace('ABC', 'b', { param($m) $m.Value.ToLower() + '!' }, 'IgnoreCase')
[regex]::Replace('web01 db02', '\b\w', { $args[0].Value.ToUpper() })
