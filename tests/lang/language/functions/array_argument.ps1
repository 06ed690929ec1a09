function show($items) { "n=$($items.Count) first=$($items[0])" }
show 1,2,3
show @("a")
