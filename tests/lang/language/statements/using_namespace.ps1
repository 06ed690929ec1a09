using namespace System.Text
$sb = [StringBuilder]::new()
[void]$sb.Append("built")
$sb.ToString()
[Text.StringBuilder].FullName
