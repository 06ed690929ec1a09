[bool]"True"
[int]"  42  "
[double]"1e3"
[int]3.999
[long]"9000000000"
