# about_Numeric_Literals: "Trailing zeros in the fraction part of a decimal real literal
# are significant"; System.Decimal arithmetic keeps the scale (1.30 + 1 is 2.30, 2.50 *
# 1.5 is 3.750) and a string converted to [decimal] keeps its digits.
1.30Dmb
1.30d
1.30d + 1
1.30d * 2
2.50d * 1.5d
5.00d / 2
10d / 4d
-1.50d
(1.30d + 1).GetType().Name
(1.30d + 1.5).GetType().Name
[decimal]'12.50'
[decimal]'12.50' * 2
[decimal]::Parse('7.10')
"Total: $(19.90d * 3)"
'{0}' -f 0.50d
(2.10d).ToString()
[math]::Round(1.2345d, 2)
1.50d -eq 1.5
try { [decimal]::MaxValue + 1 } catch { $_.Exception.Message }
