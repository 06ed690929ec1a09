Split-Path /var/lib/file.txt
Split-Path /var/lib/file.txt -Leaf
Split-Path /var/lib/file.tar.gz -LeafBase
Split-Path /var/lib/file.tar.gz -Extension
Split-Path /var/lib/ -Leaf
Split-Path /var
Split-Path a/b/c
Split-Path /var/lib/file.txt -IsAbsolute
Split-Path a/b -IsAbsolute
Split-Path env:HOME -Qualifier
Split-Path env:HOME -NoQualifier
Split-Path /x/y -NoQualifier
'/a/b', '/c/d' | Split-Path -Leaf
Split-Path -Path 'noext' -Extension
'end'
