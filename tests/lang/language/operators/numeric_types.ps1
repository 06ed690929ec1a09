(10 / 4).GetType().Name
(10 / 5).GetType().Name
(5 * 1.5)
[int]2.5
[int]3.5
(1 + 1.0).GetType().Name
