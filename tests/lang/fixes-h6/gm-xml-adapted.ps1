[xml]$x = '<a k="v"><b>1</b><c><d/></c><e>1</e><e>2</e><f/></a>'
$x.a | Get-Member -MemberType Property -Name b,c,e,f,k | % { '{0}|{1}' -f $_.Name, $_.Definition }
$x | Get-Member -MemberType Property -Name a | % Definition
