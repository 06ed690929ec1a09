[pscustomobject]@{A = 1; B = $null} | ConvertTo-Csv -IncludeTypeInformation
[pscustomobject]@{A = 1; B = 2} | ConvertTo-Csv -NoHeader
