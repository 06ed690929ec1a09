Clear-Host
cls
'after'
