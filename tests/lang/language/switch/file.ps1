switch -File ./switch_input.txt {
    "beta" { "found beta" }
    default { "line: $_" }
}
