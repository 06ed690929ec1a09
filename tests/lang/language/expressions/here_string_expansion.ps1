$user = "ann"
$count = 3
$text = @"
User: $user
Items: $($count * 2)
Literal: `$user
"@
$text
