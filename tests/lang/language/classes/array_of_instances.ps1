class Item { [string]$Name; Item([string]$n) { $this.Name = $n } }
$items = "a","b","c" | ForEach-Object { [Item]::new($_) }
$items.Count
$items.Name -join ","
[Item[]]$typed = "x", "y"
$typed[1].Name
$typed[0].GetType().Name
function Show-Item([Item]$i) { "item " + $i.Name }
Show-Item ([Item]::new("z"))
