# PowerShell classes and enums modelling lab machines.
enum VMRole {
    DomainController
    WebServer
    Database = 10
}

class LabMachine {
    [string]$Name
    [VMRole]$Role
    [int]$MemoryGB = 2
    hidden [string]$Secret = 'x'
    static [int]$Count = 0

    LabMachine([string]$name, [VMRole]$role) {
        $this.Name = $name
        $this.Role = $role
        [LabMachine]::Count++
    }

    [string] ToString() {
        return '{0} ({1}, {2} GB)' -f $this.Name, $this.Role, $this.MemoryGB
    }

    [bool] IsCritical() {
        return $this.Role -in [VMRole]::DomainController, [VMRole]::Database
    }
}

class SqlMachine : LabMachine {
    [string]$Instance = 'MSSQLSERVER'
    SqlMachine([string]$name) : base($name, [VMRole]::Database) {
        $this.MemoryGB = 8
    }
    [string] ToString() {
        return ([LabMachine]$this).Name + '\' + $this.Instance
    }
}

$machines = @(
    [LabMachine]::new('DC01', 'DomainController')
    [LabMachine]::new('WEB01', [VMRole]::WebServer)
    [SqlMachine]::new('SQL01')
)
[LabMachine]::Count
foreach ($m in $machines) { "$m critical=$($m.IsCritical())" }
$machines | Format-Table Name, Role, MemoryGB
[int][VMRole]::Database
[VMRole]'webserver'
[enum]::GetNames([VMRole]) -join ','
$machines[2] -is [LabMachine]
$machines[2].GetType().Name
($machines | Where-Object { $_.Role -eq 'WebServer' }).Name
$machines | Sort-Object MemoryGB -Descending | Select-Object -First 1 -ExpandProperty Name
try { [VMRole]'Router' } catch { 'invalid role' }
$m = [LabMachine]::new('X', 0)
$m.Role
$m.MemoryGB = '16'
$m.MemoryGB.GetType().Name
