'abc', 'de' | ConvertTo-Csv
