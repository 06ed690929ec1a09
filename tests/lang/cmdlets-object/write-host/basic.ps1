Write-Host 'plain'
Write-Host 'no newline ' -NoNewline
Write-Host 'then this'
Write-Host (2, 4, 6) -Separator ', +2= '
Write-Host a b c
Write-Host a b -Separator '-'
Write-Host 'colored' -ForegroundColor Red -BackgroundColor White
Write-Host 1 2 -NoNewline
Write-Host ''
