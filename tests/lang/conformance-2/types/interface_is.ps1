# about_Type_Operators: -is is true for the interfaces and base types a value's .NET type
# implements: strings and hashtables are IEnumerable, numbers and strings IComparable,
# numbers ValueTypes; arrays are IList.
function Test-Types($Value) {
    $names = foreach ($t in [System.Collections.IEnumerable], [System.Collections.ICollection],
                            [System.Collections.IList], [System.IComparable], [System.IFormattable],
                            [System.ValueType]) {
        if ($Value -is $t) { $t.Name }
    }
    $names -join ','
}
Test-Types @(1, 2)
Test-Types 'text'
Test-Types 42
Test-Types @{ a = 1 }
Test-Types ([datetime]'2024-01-01')
[int].BaseType.Name
function Measure-Items([System.Collections.IEnumerable]$Items) { @($Items).Count }
Measure-Items (1, 2, 3)
