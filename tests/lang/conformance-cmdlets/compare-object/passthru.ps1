$a = $True
Compare-Object -IncludeEqual $a $a -PassThru
