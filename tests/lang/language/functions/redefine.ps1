function f { "v1" }
f
function f { "v2" }
f
