function Get-Item2 {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$Item, [switch]$Upper)
    process { if ($Upper) { "$Item".ToUpper() } else { "$Item" } }
}
"a","b" | Get-Item2 -Upper
$opts = @{ Upper = $true }
"c" | Get-Item2 @opts
