# a parameter bound from the previous pipeline record goes back to its default for the next
function Show-Size {
    param([Parameter(ValueFromPipelineByPropertyName)][int]$Cores = 1,
          [Parameter(ValueFromPipelineByPropertyName)]$Name,
          [Parameter(ValueFromPipelineByPropertyName)]$Memory)
    process { "$Name cores=$Cores mem=[$Memory]" }
}
[pscustomobject]@{ Name = 'a'; Cores = 8; Memory = '4GB' }, [pscustomobject]@{ Name = 'b' } | Show-Size
[pscustomobject]@{ Name = 'c' }, [pscustomobject]@{ Name = 'd'; Cores = 2 } | Show-Size -Memory 1GB
