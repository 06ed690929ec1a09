# Enable-/Disable-/Reset-VMResourceMetering and Measure-VM on the test driver's lab.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
# metering is off until enabled: Hyper-V refuses to measure
try { Measure-VM -Name web01 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
# wildcards, then the report of every metered VM (the unmetered ones are errors)
Enable-VMResourceMetering -VMName web*
$err = $null
$reports = Get-VM | Measure-VM -ErrorAction SilentlyContinue -ErrorVariable err
$reports.VMName
$err.Count
# an off VM with static memory: configured memory, no CPU, no traffic, no disk file
Measure-VM web01
$r = Measure-VM -VMName web01
$r.GetType().FullName
$r.MeteringDuration.GetType().Name
$r.MeteringDuration.TotalSeconds -ge 0
$r.NetworkMeteredTrafficReport | Format-Table Direction, TotalTraffic
$r.HardDiskMetrics.Count
# enabling again keeps the metering period
$start = $r.MeteringDuration
Enable-VMResourceMetering -VMName web01
(Measure-VM web01).MeteringDuration -ge $start
# -VM objects from the pipeline and by parameter, -ComputerName (db01 runs: 4 processors)
Get-VM db01 | Enable-VMResourceMetering
$db = Measure-VM -VM (Get-VM db01)
$db.AverageMemoryUsage
$db.AverageProcessorUsage -ge 0 -and $db.AverageProcessorUsage -le 4 * 1000000
Measure-VM -Name db01 -ComputerName localhost | ForEach-Object VMName
# reset starts a new period; disable drops the data
Reset-VMResourceMetering -VMName web01
(Measure-VM web01).MeteringDuration.TotalMinutes -lt 1
Get-VM web01 | Disable-VMResourceMetering
try { Measure-VM web01 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Disable-VMResourceMetering -VMName web01
try { Enable-VMResourceMetering -VMName nosuch -ErrorAction Stop } catch { $_.Exception.Message }
