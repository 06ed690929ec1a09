function q { exit 4 }
q
"not here"
