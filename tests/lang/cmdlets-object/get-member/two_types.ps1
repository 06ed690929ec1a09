1, 'a' | Get-Member -Name GetType
