'apple', 'banana', 'cherry' | Select-String 'an' | ForEach-Object { "$_" }
$m = 'apple', 'banana' | Select-String 'AN'
$m.Line
$m.LineNumber
$m.Filename
$m.Path
$m.Pattern
$m.IgnoreCase
$m.Matches[0].Value
$m.Matches[0].Index
