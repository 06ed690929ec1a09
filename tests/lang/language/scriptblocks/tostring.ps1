$sb = { 1 + 1 }
$sb.ToString()
"$sb"
