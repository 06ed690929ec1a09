$s = ConvertTo-SecureString 'abc' -AsPlainText -Force
$s.Length
$s | ConvertFrom-SecureString -AsPlainText
ConvertFrom-SecureString -SecureString $s
ConvertTo-SecureString '610062006300' | ConvertFrom-SecureString -AsPlainText
"$s"
