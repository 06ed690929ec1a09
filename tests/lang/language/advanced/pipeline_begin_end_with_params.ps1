function Measure-It {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$InputObject)
    begin { $count = 0 }
    process { $count++ }
    end { "count=$count" }
}
1..7 | Measure-It
