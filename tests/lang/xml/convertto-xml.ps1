# ConvertTo-Xml: one document for all input objects.
[pscustomobject]@{Name = 'vm1'; Cpu = 2; Running = $true} | ConvertTo-Xml -As String
'text', 42 | ConvertTo-Xml -As String -NoTypeInformation
$doc = [pscustomobject]@{Name = 'vm1'; Cpu = 2} | ConvertTo-Xml
$doc.GetType().FullName
$doc.Objects.Object.Type
$doc.Objects.Object.Property | ForEach-Object { $_.Name + '=' + $_.'#text' }
# containers are expanded whatever the depth; nested objects need -Depth
[pscustomobject]@{Tags = @('a', 'b'); Opt = @{k = 'v'}; None = $null} | ConvertTo-Xml -As String
[pscustomobject]@{Inner = [pscustomobject]@{X = 1}} | ConvertTo-Xml -As String -Depth 2
'one', 2 | ConvertTo-Xml -As Stream
