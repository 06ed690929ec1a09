data Msgs {
    ConvertFrom-StringData @'
Hello = Hello, world
Bye = Goodbye
'@
}
$Msgs.Hello
$Msgs.Bye
