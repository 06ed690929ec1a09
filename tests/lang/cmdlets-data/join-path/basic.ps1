Join-Path a b
Join-Path '/var/' '/lib'
Join-Path a b c d
Join-Path -Path a, b -ChildPath c
Join-Path -Path '/' -ChildPath etc
Join-Path 'a' ''
'x', 'y' | Join-Path -ChildPath z
