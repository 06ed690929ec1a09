# XPath: SelectNodes / SelectSingleNode / GetElementsByTagName and Select-Xml.
$x = [xml]@'
<inventory>
  <vm name="web1" state="Running"><cpu>2</cpu></vm>
  <vm name="db1" state="Off"><cpu>4</cpu></vm>
  <vm name="web2" state="Running"><cpu>1</cpu></vm>
</inventory>
'@
$x.SelectNodes('//vm[@state="Running"]') | ForEach-Object { $_.name }
$x.SelectNodes('//vm').Count
$x.SelectSingleNode('//vm[cpu > 3]').name
$x.SelectSingleNode('//vm[@name="none"]') -eq $null
$x.inventory.SelectNodes('vm/@name') | ForEach-Object { $_.Value }
$x.GetElementsByTagName('cpu') | ForEach-Object { $_.InnerText }
try { $x.SelectNodes('//vm[') } catch { $_.Exception.Message }
Select-Xml -Xml $x -XPath '//vm[@state="Off"]' | ForEach-Object { $_.Node.name }
$r = Select-Xml -Xml $x -XPath '//cpu'
$r.Count
$r[0].GetType().FullName
$r[0].Path
$r[0].Pattern
$r | Format-Table
'<a><b>1</b><b>2</b></a>', '<a><b>3</b></a>' | Select-Xml -XPath '//b' | ForEach-Object { $_.Node.InnerText }
Select-Xml -Content '<r><v>x</v></r>' -XPath '/r/v' | ForEach-Object { $_.Node.OuterXml }
# namespaces: a default namespace needs a prefix in XPath
$u = [xml]'<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><ComputerName>LAB1</ComputerName></settings></unattend>'
$u.unattend.settings.ComputerName
(Select-Xml -Xml $u -XPath '//ComputerName' | Measure-Object).Count
$ns = @{u = 'urn:schemas-microsoft-com:unattend'}
(Select-Xml -Xml $u -XPath '//u:ComputerName' -Namespace $ns).Node.InnerText
$u.unattend.xmlns
$u.unattend.NamespaceURI
$path = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-xpath-$PID.xml"
Set-Content -Path $path -Value $x.OuterXml
$hit = Select-Xml -Path $path -XPath '//vm[@name="db1"]'
$hit.Path -eq (Resolve-Path $path).Path
$hit.Node.state
$hit.ToString() -eq ("<cpu>4</cpu>:" + $hit.Path)
$r[0].ToString()
Remove-Item $path
