#region Setup
# A line comment
<# A block comment
   spanning lines # with hashes
#>
$x = 1 # trailing comment
$y = <# inline #> 2
Write-Output `
    -InputObject `
    "continued over lines"
$z = $x +
    $y
$list = 1,
    2,
    3
Get-Process |
    # a comment between pipeline elements
    Select-Object -First 1
if ($x -eq 1 -and
    $y -eq 2) {
    'both'
} # end if
#endregion
function Get-Thing { # comment after brace
    param(
        # The name of the thing
        [string]$Name, # trailing
        <# block #> [int]$Size
    )
    $Name
}
