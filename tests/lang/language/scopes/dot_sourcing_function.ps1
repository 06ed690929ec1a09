function d { $dv = "dot" }
d
"after call: [$dv]"
. d
"after dot: [$dv]"
