switch -Exact ("a*") { "a*" {"literal"} "abc" {"no"} }
