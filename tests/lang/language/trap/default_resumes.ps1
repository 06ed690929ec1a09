trap { "trapped" }
$null.Foo()
"after"
