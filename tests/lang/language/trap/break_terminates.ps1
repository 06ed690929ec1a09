trap { "trapped"; break }
throw "stop here"
"not reached"
