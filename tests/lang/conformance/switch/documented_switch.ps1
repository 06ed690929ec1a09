switch -Exact ("a*") { "a*" { "exact" } }
switch -Wildcard ("a*") { "a?" { "wild" } }
switch ($null) { $null { "null matched" } default { "d" } }
switch (@()) { default { "empty default" } }
foreach ($i in 1..3) { switch ($i) { 2 { continue } } ; "i=$i" }
foreach ($i in 1..3) { switch ($i) { 2 { break } } ; "j=$i" }
switch -Regex ("ab12", "cd") { '(\d+)' { "num " + $Matches[1] } 'c' { "has c" } }
switch ("x") { { $_ -is [string] } { "string" } "x" { "exact x" } }
switch (5) { { $_ -gt 1 } { "gt1" } { $_ -gt 3 } { "gt3"; break } { $_ -gt 4 } { "gt4" } }
$res = switch ("b") { "a" { 1 } "b" { 2 } "c" { 3 } }; $res
switch ("HELLO") { "hello" { "ci match" } }
switch -CaseSensitive ("HELLO") { "hello" { "cs" } default { "no cs" } }
switch (1.0) { 1 { "one" } }
switch ("1") { 1 { "string one matches int" } }
