('abc' | Get-Member -MemberType Property).Name
('abc' | Get-Member -Name To*Upper*).Name -join ','
(1 | Get-Member -Name CompareTo).TypeName
(1, 'a', 2 | Get-Member -Name GetType).TypeName -join ','
