$o = [pscustomobject]@{ Name = 'vm1' }
$o | Add-Member -NotePropertyName State -NotePropertyValue Off
$o | Add-Member -MemberType NoteProperty -Name Cpu -Value 2
$o | Add-Member -NotePropertyMembers ([ordered]@{ A = 1; B = 2 })
$o.State
$o.Cpu
$o.A + $o.B
$r = $o | Add-Member -NotePropertyName Extra -NotePropertyValue 'x' -PassThru
$r.Extra
$o | Add-Member -NotePropertyName Name -NotePropertyValue 'dup' -ErrorAction SilentlyContinue
$o.Name
$o | Add-Member -NotePropertyName Name -NotePropertyValue 'forced' -Force
$o.Name
$o | Add-Member -MemberType AliasProperty -Name VMName -Value Name
$o.VMName
