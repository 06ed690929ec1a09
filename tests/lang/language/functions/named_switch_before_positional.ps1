function sw([switch]$Upper, $Text) { if ($Upper) { $Text.ToUpper() } else { $Text } }
sw -Upper hello
sw hello
