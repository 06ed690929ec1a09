using namespace System.Collections.Generic

enum VMRole {
    DomainController
    Member
    Router
}

[Flags()] enum LabFeature {
    None = 0
    Nested = 1
    Nat = 2
    Dns = 4
    All = 7
}

class LabMachine {
    [string]$Name
    [VMRole]$Role = [VMRole]::Member
    [int]$MemoryGB = 2
    hidden [string]$Secret
    static [int]$Count = 0

    LabMachine([string]$name) {
        $this.Name = $name
        [LabMachine]::Count++
    }

    LabMachine([string]$name, [VMRole]$role) {
        $this.Name = $name
        $this.Role = $role
        [LabMachine]::Count++
    }

    [string] ToString() {
        return "{0} ({1}, {2} GB)" -f $this.Name, $this.Role, $this.MemoryGB
    }

    [bool] IsRouter() {
        return $this.Role -eq [VMRole]::Router
    }

    static [LabMachine] Parse([string]$text) {
        $parts = $text -split ':'
        if ($parts.Count -ne 2) {
            throw [System.ArgumentException]::new("Expected name:role, got '$text'")
        }
        return [LabMachine]::new($parts[0], [VMRole]$parts[1])
    }
}

class RouterMachine : LabMachine {
    [string[]]$Networks = @()

    RouterMachine([string]$name) : base($name, [VMRole]::Router) {
        $this.MemoryGB = 1
    }

    [void] AddNetwork([string]$cidr) {
        $this.Networks += $cidr
    }
}

$machines = [List[LabMachine]]::new()
$machines.Add([LabMachine]::new('dc01', [VMRole]::DomainController))
$machines.Add([LabMachine]::Parse('web01:Member'))
$r = [RouterMachine]::new('rt01')
$r.AddNetwork('10.0.0.0/24')
$machines.Add($r)

$features = [LabFeature]::Nested -bor [LabFeature]::Nat
if ($features -band [LabFeature]::Nat) { 'NAT enabled' }

foreach ($m in $machines) {
    "{0,-8} router={1}" -f $m.Name, $m.IsRouter()
}
"Total: $([LabMachine]::Count)"
