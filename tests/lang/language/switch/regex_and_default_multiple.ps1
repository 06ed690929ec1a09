switch -Regex ("a1", "b", "c3") {
    '\d' { "digit in $_" }
    default { "no digit in $_" }
}
