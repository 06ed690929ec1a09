# Editing documents: adapter property sets and the DOM methods.
$x = [xml]'<settings><name>old</name><disk size="10" bus="scsi">d1</disk><net/></settings>'
$x.settings.name = 'new'
$x.settings.disk.size = '20'
$x.settings.net = 'br0'
$x.settings.OuterXml
try { $x.settings.name = 5 } catch { $_.Exception.Message }
try { $x.settings.nosuch = 'v' } catch { $_.Exception.Message }
$disk = $x.settings.disk
$disk.SetAttribute('format', 'qcow2')
$disk.GetAttribute('format')
$disk.GetAttribute('nothere') -eq ''
$disk.HasAttribute('bus')
$disk.RemoveAttribute('bus')
$disk.OuterXml
$root = $x.DocumentElement
$n = $x.CreateElement('cpu')
$n.InnerText = '4'
$r = $root.AppendChild($n)
$r.Name
$m = $x.CreateElement('memory')
$m.SetAttribute('unit', 'MiB')
$m.InnerText = '2048'
[void]$root.InsertBefore($m, $root.SelectSingleNode('cpu'))
$f = $x.CreateElement('first')
[void]$root.PrependChild($f)
$l = $x.CreateElement('after')
[void]$root.InsertAfter($l, $root.SelectSingleNode('name'))
$root.OuterXml
[void]$root.RemoveChild($root.SelectSingleNode('first'))
$c = $x.CreateComment(' note ')
[void]$root.ReplaceChild($c, $root.SelectSingleNode('after'))
$root.InnerXml
$a = $x.CreateAttribute('id')
$a.Value = '7'
[void]$root.SetAttributeNode($a)
$x.settings.id
$x.settings.'#comment'
$disk.InnerText = 'd2'
$x.settings.disk.'#text'
$root.SelectSingleNode('net').InnerXml = '<if name="eth0"/><if name="eth1"/>'
$x.settings.net.if.name -join ','
$root.RemoveAll()
$x.OuterXml
# ImportNode copies a node from another document; AppendChild alone refuses it
$src = [xml]'<lib><book id="b1">T</book></lib>'
$dst = [xml]'<shelf/>'
try { $dst.DocumentElement.AppendChild($src.lib.book) } catch { $_.Exception.Message }
$imp = $dst.ImportNode($src.lib.book, $true)
[void]$dst.DocumentElement.AppendChild($imp)
$dst.OuterXml
$copy = $dst.Clone()
$copy.shelf.book.id = 'b2'
$dst.shelf.book.id + ' ' + $copy.shelf.book.id
$deep = $dst.DocumentElement.CloneNode($true)
$shallow = $dst.DocumentElement.CloneNode($false)
$deep.OuterXml + ' ' + $shallow.OuterXml
