"pid ok: $($PID -gt 0)"
"true: $true, null: [$null]"
