"hello" -match "l+"
$Matches[0]
"abc123" -match '(?<num>\d+)'
$Matches.num
"Hello" -cmatch "hello"
"Hello" -notmatch "xyz"
