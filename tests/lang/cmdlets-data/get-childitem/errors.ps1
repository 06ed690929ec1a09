Get-ChildItem -Path /nonexistent-hvsh-c2 -ErrorAction SilentlyContinue
$Error[0].Exception.Message
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category
Get-ChildItem -Path '/nonexistent-hvsh-c2/*.txt'
'wildcard without match is not an error'
