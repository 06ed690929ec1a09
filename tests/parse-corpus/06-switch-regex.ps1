# Parses an ini-like lab definition with switch -regex.
param([string]$Path = "$PSScriptRoot/lab.ini")

$config = [ordered]@{}
$section = 'global'

$text = @'
[global]
domain = lab.local
; a comment
[vm:dc01]
memory = 4GB
cpus = 2
[vm:web01]
memory = 2GB
'@

switch -Regex ($text -split "`r?`n") {
    '^\s*(;|#|$)' { continue }
    '^\[(?<name>[^\]]+)\]$' {
        $section = $Matches['name']
        $config[$section] = [ordered]@{}
        continue
    }
    '^\s*(?<key>[\w.-]+)\s*=\s*(?<value>.*?)\s*$' {
        if (-not $config.Contains($section)) { $config[$section] = [ordered]@{} }
        $config[$section][$Matches.key] = $Matches.value
        continue
    }
    default {
        Write-Warning "Unrecognized line: $_"
    }
}

foreach ($key in $config.Keys) {
    if ($key -like 'vm:*') {
        $vm = $key.Substring(3)
        $mem = $config[$key]['memory']
        Write-Output ("{0} -> {1}" -f $vm, ($mem ?? 'default'))
    }
}

switch -Wildcard ('web01', 'dc01', 'rt01') {
    'web*' { 'web server' }
    'dc*'  { 'domain controller'; break }
    default { "other: $_" }
}

switch ($PSVersionTable.PSVersion.Major) {
    { $_ -ge 7 } { 'modern' }
    5 { 'windows powershell' }
}
