Write-Output 2+2
$a = "xyz"
Write-Output $a.Length
Write-Output a,b
Write-Output $a-suffix
Write-Output 10kb
Write-Output (2+2)
