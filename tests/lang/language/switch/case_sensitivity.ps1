switch ("Hello") { "hello" {"matched"} }
switch -CaseSensitive ("ABC") { "abc" {"lower"} "ABC" {"upper"} }
