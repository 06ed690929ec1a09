# Get-Date output carries a DisplayHint NoteProperty; plain [datetime] values do not
$d = Get-Date -Date 2019-06-26
$d.DisplayHint
(Get-Date -Date 2019-06-26 -DisplayHint Date).DisplayHint
(Get-Date -Date 2019-06-26 -DisplayHint Time).DisplayHint
$d.DisplayHint.GetType().FullName
$d.DisplayHint -eq 'DateTime'
$null -eq ([datetime]'2019-06-26').DisplayHint
$null -eq $d.AddDays(1).DisplayHint
