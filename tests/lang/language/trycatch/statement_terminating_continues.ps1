$null.Foo()
"next"
