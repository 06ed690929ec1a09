Get-Date -Date '2024-03-05 06:07:08' -UFormat '%Y/%m/%d %H:%M:%S'
Get-Date -Date '2024-03-05 16:07:08' -UFormat '%A %a %B %b %j %e|%p %I %l|%y %C %u %w'
Get-Date -Date '2024-03-05 16:07:08' -UFormat '%D %T %R %F %r'
Get-Date -Date '2024-03-05 06:07:08' -UFormat '%c'
Get-Date -Date '2024-03-05' -UFormat '100%% on %d'
Get-Date -Date '2024-03-05' -UFormat '+%U %W %V %G %g'
Get-Date -Date '2021-01-01' -UFormat '%V %G %U'
Get-Date -UnixTimeSeconds 86400 -UFormat %s
