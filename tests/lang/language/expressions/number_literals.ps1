0x1F
(1L).GetType().Name
(10d).GetType().Name
1.5e2
0b101
