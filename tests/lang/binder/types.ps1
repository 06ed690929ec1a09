# Argument conversion to parameter types: numbers, bool, arrays, enums, byte sizes.
function Show-Types {
    param(
        [bool]$Flag,
        [byte]$Prefix,
        [long]$Bytes,
        [string[]]$Names,
        [int[]]$Ports
    )
    "Flag=$Flag Prefix=$Prefix/$($Prefix.GetType().Name) Bytes=$Bytes Names=$($Names -join '|')/$($Names.Count) Ports=$($Ports -join '+')"
}
Show-Types -Flag 1 -Prefix "24" -Bytes 4GB -Names one -Ports 80, "443"
Show-Types -Flag $false -Names a, b, c
try { Show-Types -Flag "yes" } catch { $_.Exception.Message }
try { Show-Types -Prefix 300 } catch { $_.FullyQualifiedErrorId }
