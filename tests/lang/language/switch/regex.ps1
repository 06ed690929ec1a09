switch -Regex ("abc123", "xyz") {
    '^(\w)\w*?(\d+)$' { "first=$($Matches[1]) num=$($Matches[2])" }
    'y' { "has y" }
}
