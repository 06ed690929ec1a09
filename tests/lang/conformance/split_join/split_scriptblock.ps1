"Mercury,Venus" -split {$_ -eq "e"}
"a b c" -split {$_ -eq " "}, 2
$c = "p"
"Apple" -split {$_ -eq $c}
