# Get-Date docs examples 3, 4, 5, 7, 10 and the -Format/-UFormat notes, with a fixed date
$d = Get-Date -Date '2019-06-25 16:17:32'
Get-Date -Date $d -Format "dddd MM/dd/yyyy HH:mm"
Get-Date -Date $d -UFormat "%A %m/%d/%Y %R"
(Get-Date -Year 2020 -Month 12 -Day 31).DayOfYear
Get-Date -Date $d -UFormat "%A %B/%d/%Y %T"
(Get-Date -Date "2020-01-01T00:00:00").Kind
Get-Date -Date $d -Format FileDate
Get-Date -Date $d -Format FileDateTime
Get-Date -Date $d -Format o
(Get-Date -Date '2019-02-01' -Month 2 -Day 31).ToString('yyyy-MM-dd')
Get-Date -Date $d -UFormat "%a %b %e %H:%M:%S %Y|%j %u %w %y %C %D %F %I %p|%V %G %g %h %x %X %r %%"
Get-Date -Date '2019-06-05' -UFormat "[%e] [%d] [%k] [%l]"
