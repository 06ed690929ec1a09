# about_Classes: a property without an initial value holds the default value of its
# type ($null for reference types, 0, $false, [datetime]::MinValue, [timespan]::Zero).
class Defaults {
    [int]$Count
    [bool]$Enabled
    [string]$Name
    [datetime]$Created
    [timespan]$Elapsed
    [double]$Ratio
}
$d = [Defaults]::new()
$d.Count
$d.Enabled
$null -eq $d.Name
$d.Created -eq [datetime]::MinValue
$d.Created.Year
$d.Elapsed -eq [timespan]::Zero
$d.Elapsed.TotalSeconds
$d.Ratio
