1..10 | Measure-Object
