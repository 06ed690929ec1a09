function rem {
    param($First, [Parameter(ValueFromRemainingArguments)]$Rest)
    "first=$First rest=$($Rest -join '|')"
}
rem a b c d
