1 / 0
"after"
