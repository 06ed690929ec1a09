# Generating config files from templates with here-strings and -replace.
$template = @'
<unattend>
  <ComputerName>{{NAME}}</ComputerName>
  <IPAddress>{{IP}}</IPAddress>
  <TimeZone>{{TZ}}</TimeZone>
</unattend>
'@
$machines = @(
    @{ NAME = 'DC01'; IP = '10.0.0.10'; TZ = 'UTC' }
    @{ NAME = 'WEB01'; IP = '10.0.0.20'; TZ = 'Pacific Standard Time' }
)
foreach ($m in $machines) {
    $text = $template
    foreach ($k in $m.Keys) { $text = $text -replace "\{\{$k\}\}", $m[$k] }
    $text
    '---'
}
$name = 'FS01'
$ip = '10.0.0.30'
$expanded = @"
hostname: $name
address:  $ip
fqdn:     $($name.ToLower()).contoso.local
literal:  `$name
"@
$expanded
$expanded.Split("`n").Count
# regex replace with capture groups and named groups
'DC01.contoso.local' -replace '^(\w+)\.(.+)$', '$2\$1'
'2024-03-05' -replace '(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})', '${d}/${m}/${y}'
'a1b22c333' -replace '\d+', '#'
'Hello World' -creplace 'world', 'X'
'Hello World' -replace 'world', 'X'
'path\to\file' -replace '\\', '/'
'  many   spaces  here ' -replace '\s+', ' '
[regex]::Replace('vm-001,vm-002', 'vm-(\d+)', { param($m) 'VM' + [int]$m.Groups[1].Value })
[regex]::Escape('1.2.3.4')
'one,two;three four' -split '[,; ]'
'key=value=more' -split '=', 2
'CamelCaseString' -csplit '(?=[A-Z])' | Where-Object { $_ }
$lines = "a=1`nb=2`nc=3"
$cfg = ConvertFrom-StringData -StringData $lines
$cfg.b
($lines -split "`n" | ForEach-Object { ($_ -split '=')[0] }) -join ''
$ini = @'
[Network]
Switch = LabNAT
Vlan = 20
[Storage]
Path = /srv/vhd
'@
$section = $null
$settings = [ordered]@{}
switch -Regex ($ini -split "`n") {
    '^\[(.+)\]$' { $section = $Matches[1]; continue }
    '^\s*(\w+)\s*=\s*(.*)$' { $settings["$section.$($Matches[1])"] = $Matches[2] }
}
$settings.GetEnumerator() | ForEach-Object { '{0} -> {1}' -f $_.Key, $_.Value }
