trap { "trapped: $_"; continue }
throw "e1"
"after"
