[int]"42"
[double]"3.5"
[string]42
[bool]"false"
[bool]0
[bool]""
[char]65
[int][char]'A'
