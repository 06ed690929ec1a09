# about_Arrays: Clear() sets every element to the default value of the element type;
# the size of the array does not change.
$intA = [int[]](1, 2, 3)
$intA.Clear()
$intA
$intA.Count
$objs = @('a', 'b')
$objs.Clear()
$objs.Count
$null -eq $objs[0]
$list = [System.Collections.ArrayList]@(1, 2)
$list.Clear()
$list.Count
