function al { param([Alias("CN","Host")][string]$ComputerName) "cn=$ComputerName" }
al -CN srv1
al -Host srv2
al -ComputerName srv3
