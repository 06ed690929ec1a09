$null.Foo()
"done"
