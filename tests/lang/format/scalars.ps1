'text'
42
3.5
$true
$null
'after null'
@(1, 2)
