function Get-Len {
    param([Parameter(Mandatory, ValueFromPipeline)][string]$S)
    process { $S.Length }
}
"abc", "de" | Get-Len
