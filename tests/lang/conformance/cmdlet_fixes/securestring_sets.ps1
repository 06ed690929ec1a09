# ConvertTo-/ConvertFrom-SecureString parameter sets as in pwsh 7: -AsPlainText and -Key are
# optional switches/parameters that select their set; the default set is Secure.
(Get-Command ConvertTo-SecureString).ParameterSets.Name -join ','
(Get-Command ConvertTo-SecureString).DefaultParameterSet
(Get-Command ConvertFrom-SecureString).ParameterSets.Name -join ','
$secure = ConvertTo-SecureString 'Pa$$w0rd' -AsPlainText -Force
$secure.GetType().FullName
$secure.Length
ConvertFrom-SecureString -SecureString $secure -AsPlainText
# Force is no longer required with -AsPlainText in PowerShell 7
(ConvertTo-SecureString 'abc' -AsPlainText | ConvertFrom-SecureString -AsPlainText)
# round trip through the encrypted standard string (default set on both sides)
$std = ConvertFrom-SecureString $secure
$std -is [string]
ConvertTo-SecureString $std | ConvertFrom-SecureString -AsPlainText
