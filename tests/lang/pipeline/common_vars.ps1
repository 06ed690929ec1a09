# -OutVariable, -PipelineVariable and -ErrorVariable common parameters.
function Emit { [CmdletBinding()] param() 1; 2; 3 }
$null = Emit -OutVariable got
"out: $got ($($got.Count))"
Emit -PipelineVariable current | ForEach-Object { "stage2 sees $current and $_" }
function Warn { [CmdletBinding()] param() Write-Warning "careful" }
Warn -WarningVariable wv -WarningAction SilentlyContinue
"warnings: $($wv.Count) $($wv[0])"
