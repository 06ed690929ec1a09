# Add-Member script members are resolved on each access, with $this = the object
$o = [pscustomobject]@{ Name = 'web01'; Cores = 2 }
$o | Add-Member -MemberType ScriptMethod -Name Hi -Value { "hi $($this.Name)" }
$o | Add-Member -MemberType ScriptMethod -Name Scale -Value { param($by) $this.Cores * $by }
$o | Add-Member -MemberType ScriptProperty -Name Label -Value { "$($this.Name)/$($this.Cores)" }
$o | Add-Member -MemberType AliasProperty -Name CPU -Value Cores
$o.Hi()
$o.Scale(4)
$o.Label
$o.Cores = 8
$o.Label
$o.CPU
$o.Scale(2) + 1
