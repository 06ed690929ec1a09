[char]'a' + 1
[char]'a' -eq 'A'
[int][char]'a'
'x' * 3
