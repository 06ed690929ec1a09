class LabException : System.Exception {
    [string]$VMName
    LabException([string]$message, [string]$vm) : base($message) {
        $this.VMName = $vm
    }
}

class Disk {
    [string]$Path
    [long]$SizeBytes
    hidden [bool]$Attached

    Disk() { }
    Disk([string]$path, [long]$size) {
        $this.Path = $path
        $this.SizeBytes = $size
    }

    [double] SizeGB() { return [math]::Round($this.SizeBytes / 1GB, 2) }
}

class VMSpec {
    [ValidateNotNullOrEmpty()][string]$Name
    [ValidateRange(1, 64)][int]$Cpu = 1
    [System.Collections.Generic.List[Disk]]$Disks = [System.Collections.Generic.List[Disk]]::new()
    static [string]$DefaultSwitch = 'VmNAT'

    [VMSpec] WithDisk([string]$path, [long]$size) {
        $this.Disks.Add([Disk]::new($path, $size))
        return $this
    }

    [long] TotalDisk() {
        $total = 0L
        foreach ($d in $this.Disks) { $total += $d.SizeBytes }
        return $total
    }

    static [VMSpec] FromHashtable([hashtable]$h) {
        $spec = [VMSpec]::new()
        $spec.Name = $h.Name
        if ($h.ContainsKey('Cpu')) { $spec.Cpu = $h.Cpu }
        return $spec
    }
}

$spec = [VMSpec]::FromHashtable(@{ Name = 'web01'; Cpu = 2 }).WithDisk('/lab/web01.vhdx', 40GB)
"{0}: {1} cpu, {2:N0} GB" -f $spec.Name, $spec.Cpu, ($spec.TotalDisk() / 1GB)
[VMSpec]::DefaultSwitch
try {
    throw [LabException]::new('disk missing', $spec.Name)
}
catch [LabException] {
    "Lab error on $($_.Exception.VMName): $($_.Exception.Message)"
}
