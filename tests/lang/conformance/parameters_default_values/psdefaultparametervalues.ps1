function Write-Greeting { [CmdletBinding()] param($Name, $Greeting = "Hello") "$Greeting $Name" }
Write-Greeting -Name A
$PSDefaultParameterValues = @{ 'Write-Greeting:Name' = 'Default'; 'Write-*:Greeting' = 'Hi' }
Write-Greeting
Write-Greeting Bob
Write-Greeting -Name Cy -Greeting Yo
$PSDefaultParameterValues['Disabled'] = $true
Write-Greeting
$PSDefaultParameterValues.Remove('Disabled')
$PSDefaultParameterValues['Get-ChildItem:Nope'] = 1
Write-Greeting
