# Get-Member on an instance of a PowerShell class: the declared members with their declared
# types (untyped = System.Object), inherited ones too; hidden members only with -Force,
# static ones only with -Static (about_Classes, about_Hidden, Get-Member).
class B { [int]$Id; [void] Run() {} }
class P : B {
    [string]$Name
    hidden [int]$secret
    $loose
    static [int]$Count = 0
    [string] Hi() { return "hi" }
    [string] Greet([string]$who, $n) { return "x" }
}
$o = [P]::new()
$o | Get-Member
($o | Get-Member -Force -MemberType Property).Name -join ','
$o | Get-Member -Static -MemberType Property | ForEach-Object { "$($_.Name) | $($_.Definition)" }
$o.PSObject.TypeNames -join ','
