using namespace System.Text
using namespace System.IO

data Messages {
    ConvertFrom-StringData @'
    Starting = Starting lab {0}
    Done = Lab {0} is ready
'@
}

data -SupportedCommand Format-LabName {
    "plain data section"
}

$sb = [StringBuilder]::new()
[void]$sb.Append('a').Append('b')
$null = $sb.AppendLine()
$sb.ToString()
[Path]::GetFileNameWithoutExtension('/x/y/z.vhdx')
$Messages.Starting -f 'Contoso'
