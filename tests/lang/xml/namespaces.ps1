# Default namespaces (unattend.xml): dot-navigation ignores them, XPath needs a prefix
# bound with an XmlNamespaceManager.
$u = [xml]@'
<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" wcm:action="add">
      <ComputerName>LAB1</ComputerName>
    </component>
  </settings>
</unattend>
'@
$u.unattend.settings.component.ComputerName
$u.unattend.settings.component.action
$u.unattend.wcm
$ns = New-Object System.Xml.XmlNamespaceManager($u.NameTable)
$ns.AddNamespace('u', 'urn:schemas-microsoft-com:unattend')
$ns.LookupNamespace('u')
$ns.HasNamespace('x')
try { $u.SelectNodes('//u:ComputerName') } catch { $_.Exception.Message }
$u.SelectNodes('//ComputerName').Count
$node = $u.SelectSingleNode('//u:component[@name="Microsoft-Windows-Shell-Setup"]/u:ComputerName', $ns)
$node.InnerText = 'LAB2'
$u.unattend.settings.component.ComputerName
$node.NamespaceURI
$node.ParentNode.Attributes | ForEach-Object { $_.Name + '=' + $_.Value }
$u.DocumentElement.GetAttribute('xmlns')
