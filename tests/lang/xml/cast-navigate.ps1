# [xml] casts and PowerShell's XML adapter: elements and attributes as properties.
$x = [xml]'<?xml version="1.0" encoding="utf-8"?><root><a>1</a><b x="2">t</b><c/><i>1</i><i>2</i></root>'
$x.GetType().FullName
$x -is [xml]
$x.root.GetType().FullName
$x.root.a
$x.root.a.GetType().Name
$x.root.b.x
$x.root.b.'#text'
$x.root.b.Name
$x.root.c -eq ''
$x.root.i.Count
$x.root.i
$x.root.i.GetType().FullName
$x.xml
$x.OuterXml
$x.root.InnerXml
$x.root.InnerText
$x.DocumentElement.LocalName
$x.root.b.Attributes.Count
$x.root.b.Attributes[0].Value
$x.root.ChildNodes.Count
$x.root.FirstChild.Name
$x.root.LastChild.InnerText
$x.root.b.ParentNode.Name
$x.root.b.NodeType
$x.NodeType
$x.root.b.HasAttributes
$x.root.missing -eq $null
# arrays of lines, as Get-Content returns them, are joined with newlines
$lines = '<cfg>', '  <s n="a">one', 'two</s>', '</cfg>'
$y = [xml]$lines
$y.cfg.s.'#text'
$y.cfg.s.n
[System.Xml.XmlDocument]'<z k="v"/>' | ForEach-Object { $_.z.k }
$e = New-Object xml
$e.GetType().Name
([xml]::new()).ChildNodes.Count
$d = [xml]'<a><b><c>deep</c></b></a>'
$d.a.b.c
$d.SelectSingleNode('/a/b').OuterXml
# indexers: XmlNode['child'] is the first child element; Attributes['name']
$n = [xml]'<r><a id="7" k="q">1</a><b>2</b></r>'
$n['r']['b'].InnerText
$n['r']['a'].GetType().Name
$n.r.a.Attributes['k'].Value
$null -eq $n['r']['none']
