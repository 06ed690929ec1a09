# System.Globalization.TextInfo (CultureInfo.TextInfo): ToTitleCase capitalises each
# word and lowers the rest, leaving words in capitals (acronyms) alone.
$ti = [cultureinfo]::CurrentCulture.TextInfo
$ti.ToTitleCase('hello world')
$ti.ToTitleCase("wELCOME to the NASA lab, o'neil")
$ti.ToTitleCase('x-ray vm-01')
$ti.ToUpper('abc')
$ti.ToLower('ABC')
$ti.GetType().FullName
