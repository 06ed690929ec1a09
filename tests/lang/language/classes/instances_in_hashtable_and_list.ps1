class Node { [string]$Name; [Node[]]$Children = @() }
$root = [Node]@{ Name = "root" }
$root.Children += [Node]@{ Name = "c1" }
$root.Children += [Node]@{ Name = "c2" }
$root.Children.Count
$root.Children.Name -join ","
