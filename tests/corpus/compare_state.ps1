# Desired-state drift report: compare the declared lab with what the host has.
$env:HVSH_URI = "test://$PSScriptRoot/../fixtures/lab.xml"
$desired = @(
    [pscustomobject]@{ Name = 'web01'; CPU = 2; Switch = 'VmNAT' }
    [pscustomobject]@{ Name = 'db01'; CPU = 8; Switch = 'VmNAT' }
    [pscustomobject]@{ Name = 'app01'; CPU = 2; Switch = 'VmNAT' }
)
$actual = Get-VM | ForEach-Object {
    [pscustomobject]@{
        Name   = $_.Name
        CPU    = $_.ProcessorCount
        Switch = (Get-VMNetworkAdapter -VMName $_.Name | Select-Object -First 1).SwitchName
    }
}
$diff = Compare-Object -ReferenceObject $desired -DifferenceObject $actual -Property Name
$diff | Sort-Object Name | ForEach-Object {
    $item = $_
    switch ($item.SideIndicator) {
        '<=' { "MISSING  $($item.Name)" }
        '=>' { "EXTRA    $($item.Name)" }
    }
}
Compare-Object $desired $actual -Property Name -IncludeEqual -ExcludeDifferent | Sort-Object Name |
    ForEach-Object Name
foreach ($d in $desired) {
    $a = $actual | Where-Object Name -eq $d.Name
    if (-not $a) { continue }
    foreach ($prop in 'CPU', 'Switch') {
        if ($a.$prop -ne $d.$prop) {
            '{0}: {1} is {2}, want {3}' -f $d.Name, $prop, $a.$prop, $d.$prop
        }
    }
}
Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd' | Format-Table -AutoSize
$left = 1, 2, 3, 4
$right = 3, 4, 5
($left | Where-Object { $_ -notin $right }) -join ','
($left | Where-Object { $right -contains $_ }) -join ','
@(Compare-Object $left $left).Count
