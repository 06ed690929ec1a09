trap [System.DivideByZeroException] { "div trap"; continue }
trap { "general trap"; continue }
1/0
throw "other"
"end"
