"a"
exit 3
"b"
