# piped input: -Quiet writes $true at the first match and nothing when none matches;
# -List limits files (not piped objects) to their first match
'x', 'y' | Select-String -Quiet 'y'
'x', 'y' | Select-String -Quiet 'z'
('a1', 'a2', 'a3' | Select-String 'a' -List | Measure-Object).Count
('a.b' | Select-String -SimpleMatch 'a.b').Matches.Count
($null | Select-String '^$' | Measure-Object).Count
