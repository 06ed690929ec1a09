$text = "Name,Text`n""x"",""line1`nline2""`n""y"",""a """"quote"""""""
$o = $text | ConvertFrom-Csv
$o.Count
$o[0].Text
$o[1].Text
