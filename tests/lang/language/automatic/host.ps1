$Host.Name
$Host.UI.RawUI.WindowSize.Width -gt 0
