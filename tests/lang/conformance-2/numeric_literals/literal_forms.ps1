# about_Numeric_Literals: a dot may be followed directly by the exponent (1.e2); a real
# literal with an integer suffix is truncated to that integer; member access works
# right after a literal with a fraction, a suffix or a radix prefix; conversions also
# accept the hex forms &hF and #F.
foreach ($v in 1.e2, 1.2L, 1.2345e1L, 1.2345e-5L, 0x1e2D, 482gb, 0x12Lpb, 1.4e23tb) {
    '{0,-8} {1}' -f $v.GetType().Name, $v
}
2uL.GetType().Name
1.234.GetType().Name
1kb.GetType().Name
0x10.ToString()
(2).GetType().Name
[int] '0xF' -eq 0xF
[int] '&hF' -eq 0xF
[int] '#F' -eq 0xF
[int] '0b1111' -eq 15
