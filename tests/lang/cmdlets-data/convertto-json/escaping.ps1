ConvertTo-Json "a`tb`nc\d"
ConvertTo-Json ([string][char]1)
ConvertTo-Json '<a href="x">&'
ConvertTo-Json "<a>&'" -EscapeHandling EscapeHtml
ConvertTo-Json "caf$([char]0xe9)" -EscapeHandling EscapeNonAscii
ConvertTo-Json "caf$([char]0xe9)"
