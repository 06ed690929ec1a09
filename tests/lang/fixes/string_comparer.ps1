# [StringComparer] chooses key case-sensitivity for hashtables, dictionaries and sets
$names = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$names.Add('Web01')
$names.Add('WEB01')
"set count $($names.Count) contains $($names.Contains('web01'))"
$d = [System.Collections.Generic.Dictionary[string,int]]::new([StringComparer]::OrdinalIgnoreCase)
$d['Cores'] = 4
$d['cores']
$cs = [hashtable]::new([StringComparer]::Ordinal)
$cs['Name'] = 'x'
$null -eq $cs['name']
[StringComparer]::OrdinalIgnoreCase.Equals('vm', 'VM')
[StringComparer]::Ordinal.Equals('vm', 'VM')
