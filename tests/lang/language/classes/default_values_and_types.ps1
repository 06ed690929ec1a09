class Cfg {
    [string]$Name = "default"
    [int]$Count
    [bool]$Enabled
    $Untyped
}
$c = [Cfg]::new()
$c.Name
$c.Count
$c.Enabled
$null -eq $c.Untyped
$c.Count = "12"
$c.Count.GetType().Name
