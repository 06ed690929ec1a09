$s = 1, 2 | Out-String
$s.Length
$s -eq "1`n2`n"
$lines = [pscustomobject]@{ a = 1; b = 'x' } | Out-String -Stream
$lines.Count
$lines -join '|'
('a', 'b' | Out-String -NoNewline)
