$h = @{ a = 1; b = 2 }
($h | Measure-Object).Count
($h.GetEnumerator() | Measure-Object).Count
