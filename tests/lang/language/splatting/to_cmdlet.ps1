$p = @{ InputObject = "splatted" }
Write-Output @p
$sel = @{ First = 2 }
1..5 | Select-Object @sel
