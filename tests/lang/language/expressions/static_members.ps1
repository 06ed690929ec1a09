[int]::MaxValue
[math]::Abs(-5)
[math]::Round(2.567, 2)
[string]::Empty -eq ""
[math]::PI -gt 3.14
