function hello { "hi" }
$sb = ${function:hello}
& $sb
${function:bye} = { "bye!" }
bye
