[pscustomobject]@{A = 1; B = 2} | ConvertTo-Csv -UseCulture
'A,B', '1,2' | ConvertFrom-Csv -UseCulture | ForEach-Object B
