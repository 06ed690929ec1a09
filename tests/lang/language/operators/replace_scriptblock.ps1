"a-b-c" -replace '-', { '+' }
"x5y10" -replace '\d+', { [int]$_.Value * 2 }
