$IsLinux
$IsWindows
$IsMacOS
$HOME -eq $env:HOME
$PID -gt 0
