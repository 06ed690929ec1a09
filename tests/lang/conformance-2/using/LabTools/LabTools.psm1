enum LabRole { DC; Member; Router }
class LabMachine {
    [string]$Name
    [LabRole]$Role
    LabMachine([string]$n, [LabRole]$r) { $this.Name = $n; $this.Role = $r }
    [string] ToString() { return "$($this.Name) ($($this.Role))" }
}
function Get-LabGreeting { param($Name) "Hello, $Name" }
