"a`tb"
"line1`nline2"
"quote: `"x`""
'it''s'
"double ""quotes"""
"backtick: ``"
