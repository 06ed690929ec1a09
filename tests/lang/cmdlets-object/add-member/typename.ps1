$o = [pscustomobject]@{ a = 1 }
$o | Add-Member -TypeName My.Type
$o.PSObject.TypeNames[0]
$x = [pscustomobject]@{ a = 1 } | Add-Member -NotePropertyName b -NotePropertyValue 2 -TypeName Lab.Thing -PassThru
$x.PSObject.TypeNames[0]
$x.b
