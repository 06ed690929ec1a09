$filter = { $_ -like "b*" }
"apple","banana","blueberry" | Where-Object $filter
