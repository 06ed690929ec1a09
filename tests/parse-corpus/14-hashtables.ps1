$h = @{}
$h.Add('one', 1)
$h['two'] = 2
$h.three = 3
$h += @{ four = 4 }
foreach ($k in $h.Keys | Sort-Object) { "$k = $($h[$k])" }
$h.GetEnumerator() | Sort-Object Value | ForEach-Object { '{0}={1}' -f $_.Key, $_.Value }

$ordered = [ordered]@{
    Name  = 'lab'
    'Key With Spaces' = $true
    1     = 'numeric key'
    Nested = @{ Inner = @(1, 2, 3); Script = { param($x) $x * 2 } }
}
$ordered.Nested.Inner[1]
$ordered['Key With Spaces']
& $ordered.Nested.Script 21

$obj = [pscustomobject]@{ Name = 'vm1'; State = 'Off'; MemoryGB = 4 }
$obj | Add-Member -MemberType NoteProperty -Name Owner -Value 'me' -PassThru |
    Add-Member -MemberType ScriptMethod -Name Describe -Value { "$($this.Name) is $($this.State)" } -PassThru
$obj.Describe()

$table = @{ a = 1; b = 2; c = 3 }
$table.Remove('b')
$table.ContainsKey('a') -and -not $table.ContainsKey('b')
$table.Count
$keys = @($table.Keys)
$copy = $table.Clone()
$copy.Keys.Count
