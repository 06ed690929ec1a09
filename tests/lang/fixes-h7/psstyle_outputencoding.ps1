$PSStyle.GetType().FullName
# the test runner sets NO_COLOR=1 (and TERM=dumb): pwsh then starts with OutputRendering PlainText
$PSStyle.OutputRendering
$PSStyle.OutputRendering = 'Host'
$PSStyle.OutputRendering
$PSStyle.OutputRendering = 'PlainText'
$PSStyle.OutputRendering
$PSStyle.OutputRendering.GetType().FullName
$PSStyle.OutputRendering = [System.Management.Automation.OutputRendering]::Ansi
"$($PSStyle.OutputRendering)"
try { $PSStyle.OutputRendering = 'Fancy' } catch { $_.FullyQualifiedErrorId }
$PSStyle.OutputRendering
($PSStyle.Reset + $PSStyle.Bold + $PSStyle.Foreground.Red + $PSStyle.Background.BrightBlue).Replace("`e", '<ESC>')
$PSStyle.Foreground.FromRgb(255, 128, 0).Replace("`e", '<ESC>')
$PSStyle.Background.FromRgb(0x102030).Replace("`e", '<ESC>')
$PSStyle.Formatting.Error.Replace("`e", '<ESC>')
$PSStyle.Formatting.Error = $PSStyle.Foreground.Magenta
$PSStyle.Formatting.Error.Replace("`e", '<ESC>')
$PSStyle.Progress.View
$OutputEncoding.WebName
$OutputEncoding.EncodingName
$OutputEncoding.CodePage
$OutputEncoding = [System.Text.Encoding]::ASCII
$OutputEncoding.WebName
