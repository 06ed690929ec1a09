# pwsh's reader: leading blanks skipped, text after a closing quote kept, comment lines
# before the header skipped, unnamed columns called H1, H2...
$o = '# a comment', 'A, B,C', ' 1,  "two" ,x"y', 'p,q' | ConvertFrom-Csv
$o | ForEach-Object { "[$($_.A)][$($_.B)][$($_.C)]" }
$n = 'A,,C,', '1,2,3' | ConvertFrom-Csv -WarningAction SilentlyContinue
($n.PSObject.Properties.Name) -join ','
try { 'A,a', '1,2' | ConvertFrom-Csv } catch { $_.Exception.Message }
