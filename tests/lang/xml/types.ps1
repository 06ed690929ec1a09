# XML node types: -is, typed parameters, node types, whitespace nodes.
$x = [xml]'<r a="1"><e>t</e><!-- c --><![CDATA[<raw>]]></r>'
$x -is [xml]
$x -is [System.Xml.XmlNode]
$x.r -is [System.Xml.XmlElement]
$x.r -is [System.Xml.XmlNode]
$x -is [System.Xml.XmlElement]
$x.r.Attributes[0] -is [System.Xml.XmlAttribute]
function Get-Tag([System.Xml.XmlElement]$Element) { $Element.LocalName }
Get-Tag $x.r
try { Get-Tag 'text' } catch { $_.Exception.Message }
$x.r.ChildNodes | ForEach-Object { '{0} {1} {2}' -f $_.NodeType, $_.Name, $_.GetType().Name }
$x.r.'#comment'
$x.r.'#cdata-section'
$x.r.InnerText
$p = [xml]::new()
$p.PreserveWhitespace = $true
$p.LoadXml("<a>`n  <b>1</b>`n</a>")
$p.a.ChildNodes | ForEach-Object { '{0} {1}' -f $_.NodeType, $_.Name }
