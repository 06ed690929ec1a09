$s = "Hello World"
$s.ToUpper()
$s.ToLower()
$s.Length
$s.Substring(6)
$s.Substring(0, 5)
$s.IndexOf("o")
$s.Replace("World", "There")
$s.Contains("World")
$s.StartsWith("Hell")
$s.EndsWith("x")
