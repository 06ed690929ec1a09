@() | ConvertTo-Json -AsArray
ConvertTo-Json -InputObject @()
ConvertTo-Json -InputObject @{}
@() | ConvertTo-Json
'end'
