# Export-Clixml writes CLIXML 1.1.0.1; Import-Clixml reads it back.
$path = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-clixml-$PID.xml"
$vm = [pscustomobject]@{
    Name    = 'web1'
    Cpu     = 2
    Memory  = 4GB
    Running = $true
    Ratio   = 0.5
    Note    = $null
    Tags    = @('a', 'b')
    Opts    = @{boot = 'hd'}
    Created = [datetime]'2024-01-02T03:04:05'
    Uptime  = [timespan]'01:30:00'
}
$vm | Export-Clixml -Path $path
Get-Content $path
$i = Import-Clixml -Path $path
$i.PSObject.TypeNames[0]
$i.Name
$i.Cpu.GetType().Name
$i.Memory.GetType().Name
$i.Running
$i.Ratio
$null -eq $i.Note
$i.Tags.GetType().FullName
$i.Tags -join ','
$i.Opts.GetType().Name
$i.Opts.boot
$i.Created.ToString('yyyy-MM-dd HH:mm:ss')
$i.Uptime.TotalMinutes
# primitives and several objects
'line1', 7, $false | Export-Clixml -Path $path
Get-Content $path
$all = Import-Clixml -Path $path
$all.Count
$all[1].GetType().Name
"multi`nline" | Export-Clixml -Path $path
Get-Content $path
(Import-Clixml -Path $path) -eq "multi`nline"
Remove-Item $path
