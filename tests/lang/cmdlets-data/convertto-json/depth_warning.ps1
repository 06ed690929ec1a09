$json = @{a = @{b = @{c = @{d = 1}}}} | ConvertTo-Json -Compress -WarningVariable wv -WarningAction SilentlyContinue
$json
"$wv"
