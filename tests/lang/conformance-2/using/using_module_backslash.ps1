# about_Using: a module path written the Windows way (.\Folder\File.psm1) works too.
using module .\LabTools\LabTools.psm1

[LabMachine]::new("web01", [LabRole]::Member).ToString()
Get-LabGreeting -Name "windows path"
