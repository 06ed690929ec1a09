# about_Arithmetic_Operators / about_Intrinsic_Members: .ForEach{ } and .Where{ } take a
# script block written directly after the method name, without parentheses.
$array = @()
(0..2).foreach{ $array += $_ }
$array
(1..6).Where{ $_ % 2 -eq 0 } -join ','
@('a', 'b').ForEach{ $_.ToUpper() }
$vms = @([pscustomobject]@{ Name = 'dc'; On = $true }, [pscustomobject]@{ Name = 'web'; On = $false })
$vms.Where{ $_.On }.Name
