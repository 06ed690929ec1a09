# about_Classes_Methods (example 4): validation attributes on a variable inside a method
# are checked when it is assigned; the error ends the method (nothing is returned).
class ExampleCube4 {
    [float]   $Height
    [float]   $Length
    [float]   $Width

    static [float] GetVolume(
        [float]$Height,
        [float]$Length,
        [float]$Width,
        [boolean]$Strict
    ) {
        $Signature = "[ExampleCube4]::GetVolume({0}, {1}, {2}, {3})"
        $Signature = $Signature -f $Height, $Length, $Width, $Strict
        Write-Output "not returned: $Signature"
        if ($Strict) {
            [ValidateScript({$_ -gt 0 })]$Height = $Height
            [ValidateScript({$_ -gt 0 })]$Length = $Length
            [ValidateScript({$_ -gt 0 })]$Width  = $Width
        }
        return $Height * $Length * $Width
    }

    [float] GetVolume() {
        return [ExampleCube4]::GetVolume($this.Height, $this.Length, $this.Width, $true)
    }
}
$Cube = [ExampleCube4]@{ Height = 2 ; Length = 2 }
try {
    $Cube.GetVolume()
    'not reached'
} catch {
    $_.Exception.Message
    $_.CategoryInfo.Category
}
[ExampleCube4]::GetVolume($Cube.Height, $Cube.Length, $Cube.Width, $false)
$Cube.Width = 3
$Cube.GetVolume()
# the same attributes on a script variable
try { [ValidateRange(1, 5)][int]$count = 9 } catch { $_.Exception.Message }
[ValidateNotNullOrEmpty()][string]$name = 'lab'
$name
try { [ValidateSet('a', 'b')]$pick = 'z' } catch { $_.Exception.Message }
