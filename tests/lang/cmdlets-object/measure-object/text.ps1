$t = "hello world`nsecond line here" | Measure-Object -Line -Word -Character
$t.Lines
$t.Words
$t.Characters
('a b  c' | Measure-Object -Character -IgnoreWhiteSpace).Characters
