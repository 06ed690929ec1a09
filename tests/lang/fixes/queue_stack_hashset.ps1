# Queue, Stack and HashSet[T] as lab scripts use them (BFS over dependencies, dedupe)
$q = [System.Collections.Queue]::new()
$q.Enqueue('dc01'); $q.Enqueue('sql01'); $q.Enqueue('web01')
"queue count $($q.Count), next $($q.Peek())"
while ($q.Count -gt 0) { $q.Dequeue() }
$g = [System.Collections.Generic.Queue[int]]::new()
$g.Enqueue(5); $g.Enqueue(7)
foreach ($x in $g) { "item $x" }
$g.GetType().Name
$s = [System.Collections.Generic.Stack[string]]::new()
$s.Push('a'); $s.Push('b'); $s.Push('c')
$s.Pop()
$s -join ','
$set = [System.Collections.Generic.HashSet[string]]::new()
$set.Add('vm1')
$set.Add('vm1')
$set.Add('VM1')
"set count $($set.Count) contains $($set.Contains('vm1'))"
$set.Remove('vm1')
$n = [System.Collections.Generic.HashSet[int]]::new([int[]](3, 1, 3, 2))
$n.Count
$e = [System.Collections.Generic.Queue[string]]::new()
try { $e.Dequeue() } catch { $_.Exception.Message }
