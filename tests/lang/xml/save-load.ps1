# Save() indents (unless PreserveWhitespace), Load()/LoadXml() replace the content,
# and [xml](Get-Content file) reads a file back.
$path = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-save-$PID.xml"
$x = [xml]'<?xml version="1.0" encoding="utf-8"?><domain type="kvm"><name>vm1</name><devices><disk device="disk"><source file="/var/lib/a.qcow2"/></disk><interface type="bridge"/></devices></domain>'
$x.domain.devices.disk.source.file = '/var/lib/b.qcow2'
$x.Save($path)
Get-Content $path
$y = [xml](Get-Content $path)
$y.domain.devices.disk.source.file
$z = New-Object System.Xml.XmlDocument
$z.Load($path)
$z.domain.name
$z.LoadXml('<other a="1"/>')
$z.DocumentElement.Name
$z.other.a
# whitespace: dropped by default, kept with PreserveWhitespace
$text = "<a>`n  <b>1</b>`n</a>"
$p = [xml]::new()
$p.PreserveWhitespace = $true
$p.LoadXml($text)
$p.a.ChildNodes.Count
$p.Save($path)
(Get-Content $path -Raw) -eq $text
$q = [xml]$text
$q.a.ChildNodes.Count
$q.OuterXml
Remove-Item $path
