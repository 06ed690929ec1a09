enum Level : byte { Low = 1; High = 10 }
[Level]::High.value__.GetType().Name
[Level].GetEnumUnderlyingType().Name
[enum]::GetValues([Level]) -join ','
[enum]::Parse([Level], 'low')
[enum]::IsDefined([Level], 5)
[int][Level]::High
