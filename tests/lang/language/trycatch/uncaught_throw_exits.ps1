"before"
throw "fatal"
"after"
