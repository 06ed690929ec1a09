Compare-Object ([TimeSpan]"0:0:1") "0:0:1" -IncludeEqual
