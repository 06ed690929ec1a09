class Item { [string]$Name; Item([string]$n) { $this.Name = $n } }
$items = "a","b","c" | ForEach-Object { [Item]::new($_) }
$items.Count
$items.Name -join ","
