# StringBuilder Capacity: the constructor's capacity, 16 by default, grows by chunks
$sb = New-Object System.Text.StringBuilder -ArgumentList 10
$sb.Capacity
[System.Text.StringBuilder]::new().Capacity
[System.Text.StringBuilder]::new(100).Capacity
[System.Text.StringBuilder]::new('abc').Capacity
[System.Text.StringBuilder]::new('abc', 50).Capacity
$x = [System.Text.StringBuilder]::new()
[void]$x.Append('a' * 20)
$x.Capacity
$x.Length
