function pos {
    param([Parameter(Position=1)]$Second, [Parameter(Position=0)]$First)
    "first=$First second=$Second"
}
pos a b
