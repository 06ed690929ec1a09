1..10 | Where-Object { $_ % 3 -eq 0 }
'apple', 'banana', 'cherry' | ? { $_ -like '*an*' }
1..5 | where { $_ -gt 3 }
1..3 | Where-Object -FilterScript { $PSItem -ne 2 }
