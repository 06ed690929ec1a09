& { & { exit 7 } }
"never"
