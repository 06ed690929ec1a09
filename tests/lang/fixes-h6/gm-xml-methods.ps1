[xml]$x = '<a k="v"><b>1</b></a>'
$x.a | Get-Member -Name AppendChild, SelectNodes, GetAttribute, SetAttribute, InnerXml, OuterXml |
    ForEach-Object { '{0}|{1}|{2}' -f $_.Name, $_.MemberType, $_.Definition }
($x | Get-Member -Name LoadXml, DocumentElement).Definition
$null -eq ($x.a | Get-Member -MemberType Method -Name CreateElement)
($x.a | Get-Member -MemberType Method).Count -gt 10
$x.a | Get-Member -Name b, k | ForEach-Object Name
