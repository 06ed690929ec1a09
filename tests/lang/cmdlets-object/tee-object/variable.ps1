1..3 | Tee-Object -Variable t | ForEach-Object { $_ * 10 }
$t -join ','
'x' | Tee-Object -FilePath ./tee-test.txt | Out-Null
Get-Content ./tee-test.txt
'y' | Tee-Object -FilePath ./tee-test.txt -Append
(Get-Content ./tee-test.txt) -join '+'
Remove-Item ./tee-test.txt
