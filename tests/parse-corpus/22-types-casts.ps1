[int]$count = '12'
[string[]]$names = 'a', 'b'
[hashtable]$opts = @{}
[System.Collections.ArrayList]$al = @()
[void]$al.Add(1)
$al.Add(2) | Out-Null
$null = $al.Add(3)
[System.Collections.Generic.Dictionary[string, int]]$dict = @{}
$dict['x'] = 1
$list = [System.Collections.Generic.List[int]]::new()
$list.AddRange([int[]](1..5))
$queue = New-Object 'System.Collections.Generic.Queue[string]'
$ts = [timespan]::FromMinutes(90)
$dt = [datetime]'2024-01-15T10:30:00'
$dt.AddDays(7).ToString('yyyy-MM-dd')
[math]::Round(1234.5678, 2)
[math]::Max([math]::Min(10, $count), 0)
[int]::MaxValue + 1
[long]::Parse('123')
[guid]::NewGuid().Guid
[Environment]::GetEnvironmentVariable('HOME')
[IO.Path]::Combine('/a', 'b', 'c.txt')
[regex]::Matches('a1b2', '\d') | ForEach-Object Value
[System.Text.Encoding]::UTF8.GetBytes('hi')
$n = 0
[int]::TryParse('77', [ref]$n)
[Nullable[int]]$maybe = $null
[ValidateRange(1, 10)][int]$bounded = 5
$bounded = 7
[scriptblock]$code = { 1 }
$code.GetType().FullName
[type]$t = [string]
$t.Name
[pscustomobject]@{ A = 1 } -is [System.Management.Automation.PSCustomObject]
[byte[]]$bytes = 0x00, 0x7F, 0xFF
[char[]]'abc'
[enum]::GetNames([System.DayOfWeek])
