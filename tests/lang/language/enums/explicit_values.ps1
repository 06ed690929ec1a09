enum Level { Low = 1; Mid = 5; High }
[int][Level]::High
[Level]5
