# Malformed XML: the cast fails with .NET's XmlException text inside pwsh's message.
foreach ($text in 'abc', '<a><b></a>', '<a>', '<a/><b/>') {
    try {
        $null = [xml]$text
        'parsed'
    } catch {
        $_.Exception.Message
    }
}
$d = [xml]::new()
try { $d.LoadXml('<x><y></x>') } catch { $_.Exception.Message }
$d.LoadXml('<ok/>')
$d.OuterXml
