# Runtime-bound cmdlets: variables, aliases, Invoke-Expression, Invoke-Command, Get-Command.
Set-Variable -Name answer -Value 42
Get-Variable -Name answer -ValueOnly
New-Variable -Name limit -Value 10 -Option ReadOnly
try { $limit = 11 } catch { "readonly: $($_.FullyQualifiedErrorId)" }
Set-Variable -Name limit -Value 12 -Force
"limit: $limit"
try { New-Variable -Name answer -Value 1 -ErrorAction Stop } catch { $_.Exception.Message }
Remove-Variable -Name answer
"removed: $(Test-Path variable:answer)"
try { Get-Variable -Name answer -ErrorAction Stop } catch { $_.Exception.Message }
$v = 5
Clear-Variable -Name v
"cleared: [$v]"
(Get-Variable -Name v).GetType().FullName
Set-Alias -Name say -Value Write-Output
say "via alias"
(Get-Alias say).Definition
New-Alias -Name say2 -Value Write-Output
try { New-Alias -Name say2 -Value Write-Output -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
(Get-Alias -Definition Get-Command).Name
Invoke-Expression '"iex {0}" -f (1 + 2)'
$x = Invoke-Expression '10 * 4'
"x = $x"
Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 2, 3
"cmd types: $((Get-Command Get-Command).CommandType) $((Get-Command gcm).CommandType)"
(Get-Command gcm).ResolvedCommandName
try { Get-Command no-such-command -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
