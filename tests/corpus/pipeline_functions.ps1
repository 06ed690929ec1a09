# Advanced functions with begin/process/end and pipeline binding.
function Get-VMSizing {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('VMName')]
        [string[]]$Name,

        [Parameter(ValueFromPipelineByPropertyName)]
        [ValidateRange(1, 64)]
        [int]$Cores = 1,

        [Parameter(ValueFromPipelineByPropertyName)]
        [long]$MemoryMB = 1024
    )
    begin {
        Write-Verbose 'Starting sizing'
        $count = 0
        $totalMem = 0
    }
    process {
        foreach ($n in $Name) {
            $count++
            $totalMem += $MemoryMB
            [pscustomobject]@{
                PSTypeName = 'Lab.Sizing'
                Name       = $n.ToUpper()
                Cores      = $Cores
                MemoryGB   = [math]::Round($MemoryMB / 1024, 2)
                Class      = if ($Cores -ge 4) { 'Large' } elseif ($Cores -ge 2) { 'Medium' } else { 'Small' }
            }
        }
    }
    end {
        Write-Verbose "Processed $count machines"
        Write-Host ("Total: {0} machines, {1:N1} GB" -f $count, ($totalMem / 1024))
    }
}

$requests = @(
    [pscustomobject]@{ VMName = 'web01'; Cores = 2; MemoryMB = 2048 }
    [pscustomobject]@{ VMName = 'sql01'; Cores = 8; MemoryMB = 16384 }
    [pscustomobject]@{ VMName = 'util01'; MemoryMB = 1536 }
)
$sizing = $requests | Get-VMSizing -Verbose
$sizing | Format-Table -AutoSize
$sizing[0].PSObject.TypeNames[0]
'app01', 'app02' | Get-VMSizing | Select-Object -ExpandProperty Name
Get-VMSizing -Name 'one', 'two' -Cores 4 | ForEach-Object { "$($_.Name): $($_.Class)" }
try {
    Get-VMSizing -Name bad -Cores 100 -ErrorAction Stop
} catch {
    "Validation: $($_.FullyQualifiedErrorId)"
}
$sizing | Where-Object Class -eq 'Large' | Select-Object -ExpandProperty Name
($sizing | Measure-Object -Property MemoryGB -Sum -Maximum) | Select-Object Count, Sum, Maximum
