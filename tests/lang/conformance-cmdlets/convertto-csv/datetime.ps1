# ConvertTo-Csv docs examples 2, 4 and 5 with a fixed date (pwsh 7.4 on .NET 8 adds the
# Microsecond and Nanosecond columns the older sample output lacks)
$Date = Get-Date -Date '2019-01-04 14:40:51'
ConvertTo-Csv -InputObject $Date -Delimiter ';' -NoTypeInformation
$Date | ConvertTo-Csv -QuoteFields "DateTime","Date"
$Date | ConvertTo-Csv -UseQuotes AsNeeded
