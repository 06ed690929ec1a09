switch ("2") { 2 {"num"} }
switch (2) { "2" {"str"} }
switch (1.0) { 1 {"one"} }
