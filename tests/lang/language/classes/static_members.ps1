class Counter {
    static [int]$Count = 0
    static [int] Next() { [Counter]::Count++; return [Counter]::Count }
}
[Counter]::Next()
[Counter]::Next()
[Counter]::Count
