$hash = 'a.txt','b.TXT','c.txt' | Group-Object -Property { [System.IO.Path]::GetExtension($_) } -CaseSensitive -AsHashTable
$hash['.txt']
$hash.Keys.Count
$A = 'Get-Item','Set-Item','Get-Date' | Group-Object -Property { ($_ -split '-')[0] } -AsHashTable -AsString
$A.Get
