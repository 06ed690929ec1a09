param(
    [string]$ComputerName = 'web01',
    [string]$AdminPassword = 'P@ssw0rd!'
)

$unattend = @"
<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup">
      <ComputerName>$ComputerName</ComputerName>
      <TimeZone>UTC</TimeZone>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <UserAccounts>
      <AdministratorPassword>
        <Value>$($AdminPassword)</Value>
        <PlainText>true</PlainText>
      </AdministratorPassword>
    </UserAccounts>
  </settings>
  <!-- generated $(Get-Date -Format 'yyyy-MM-dd') -->
</unattend>
"@

$literal = @'
No $expansion here, "quotes" and 'quotes' stay.
  Indented line with a backtick ` and @" inside.
'@

$cloudInit = @"
#cloud-config
hostname: $ComputerName
users:
  - name: lab
    sudo: ALL=(ALL) NOPASSWD:ALL
runcmd:
  - [ sh, -c, "echo `$HOME is \`"home\`"" ]
"@

Set-Content -Path "$env:TEMP/unattend-$ComputerName.xml" -Value $unattend
$literal.Split("`n").Count
$cloudInit | Out-File -FilePath (Join-Path ([IO.Path]::GetTempPath()) 'user-data') -Encoding utf8
