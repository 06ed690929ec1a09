$x = "val"
"${x}ue"
${my var} = 5
${my var}
"$x`n$x"
