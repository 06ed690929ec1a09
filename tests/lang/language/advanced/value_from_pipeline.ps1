function Up {
    param([Parameter(ValueFromPipeline)][string]$S)
    process { $S.ToUpper() }
}
"a","b" | Up
Up -S c
