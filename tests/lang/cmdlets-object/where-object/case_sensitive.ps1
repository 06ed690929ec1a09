$o = @(
    [pscustomobject]@{ N = 'Apple'; T = 'A', 'b' }
    [pscustomobject]@{ N = 'apple'; T = 'a' }
    [pscustomobject]@{ N = 'Banana'; T = 'B' }
)
($o | Where-Object N -CNE 'apple').N -join ','
($o | Where-Object N -CLike 'a*').N -join ','
($o | Where-Object N -CNotLike 'a*').N -join ','
($o | Where-Object N -CMatch '^A').N -join ','
($o | Where-Object N -CNotMatch '^A').N -join ','
($o | Where-Object N -CIn 'apple', 'Banana').N -join ','
($o | Where-Object N -CNotIn 'apple').N -join ','
($o | Where-Object T -CContains 'a').N -join ','
($o | Where-Object T -CNotContains 'a').N -join ','
($o | Where-Object N -IEQ 'APPLE').N -join ','
($o | Where-Object N -ILike '*AN*').N -join ','
