"-" * 10
"ab" * 0
("x" * 3).Length
