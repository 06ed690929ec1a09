Compare-Object "0:0:1" ([TimeSpan]"0:0:1")
