switch (3) { 1 {"It is one."} 2 {"It is two."} 3 {"It is three."} 4 {"It is four."} }
switch (4, 2) { 1 {"It is one." } 2 {"It is two." } 3 {"It is three." } 4 {"It is four." } 3 {"Three again."} }
switch ("fourteen") { 1 {"It is one."; Break} 4 {"It is four."; Break} "fo*" {"That's too many."} }
switch -Wildcard ("fourteen") { 1 {"It is one."; Break} 4 {"It is four."; Break} "fo*" {"That's too many."} }
$target = 'https://bing.com'
switch -Regex ($target) {
    '^ftp\://.*$' { "$_ is an ftp address"; Break }
    '^\w+@\w+\.com|edu|org$' { "$_ is an email address"; Break }
    '^(http[s]?)\://.*$' { "$_ is a web address that uses $($matches[1])"; Break }
}
switch (1, 4, -1, 3, "Hello", 2, 1) {
    {$_ -lt 0} { Continue }
    {$_ -isnot [Int32]} { Break }
    {$_ % 2} { "$_ is Odd" }
    {-not ($_ % 2)} { "$_ is Even" }
}
