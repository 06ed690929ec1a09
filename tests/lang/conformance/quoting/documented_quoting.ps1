$i = 5
"The value of $i is $i."
'The value of $i is $i.'
"The value of `$i is $i."
"The value of $(2+3) is 5."
'The value $(2+3) is 5.'
"As they say, ""live and learn."""
'don''t'
"Use a quotation mark (`") to begin a string."
$a = 'a','b'
"$a[0]"
"$($a[0])"
${env:HOME} -eq $env:HOME
"${env:HOME}x" -eq ($env:HOME + 'x')
$script:sv = 'S'; "$script:sv"
$h = @{k='v'}; "$($h['k']) $($h.k)"
"$h"
"$((Get-Date -Year 2000 -Month 1 -Day 1).Year)"
@"
For help, type "get-help"
"@
@"
Even if you have a "quote" here
and $i
"@
@'
$i 'quoted'
'@
"a`tb" -eq "a	b"
"`a".Length
"$null|"
"$(,1 + 2)"
"@"
"$i$i"
"$i-$i"
"$i.5"
"$($i).5"
