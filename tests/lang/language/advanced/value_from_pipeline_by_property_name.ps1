function Show {
    param([Parameter(ValueFromPipelineByPropertyName)][string]$Name)
    process { "N=$Name" }
}
[pscustomobject]@{Name="x"}, [pscustomobject]@{Name="y"} | Show
