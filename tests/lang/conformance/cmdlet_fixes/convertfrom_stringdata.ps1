# ConvertFrom-StringData: name=value lines to a hashtable (comments and blank lines skipped,
# names/values trimmed, backslash escapes in values), -Delimiter, and its two errors.
$text = @'
# lab messages
Msg1 = The string parameter is required.
  Msg2=Credentials are required   

Path = C:\\VMs\\Lab
Tabbed = a\tb
'@
$h = ConvertFrom-StringData -StringData $text
$h.GetType().FullName
$h.Count
$h.Msg1
"[$($h.msg2)]"
$h.Path
$h.Tabbed.Length
'vm:web01' | ConvertFrom-StringData -Delimiter ':' | ForEach-Object { $_.vm }
(ConvertFrom-StringData 'Name = x').Name
try { ConvertFrom-StringData "a=1`na=2" } catch { $_.Exception.Message }
try { ConvertFrom-StringData "no delimiter here" } catch { $_.Exception.Message }
