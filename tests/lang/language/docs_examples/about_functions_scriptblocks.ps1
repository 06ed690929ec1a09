function Get-SumOfNumbers {
    param([int[]]$Numbers)
    begin { $retValue = 0 }
    process {
        if ($null -ne $Numbers) { foreach ($n in $Numbers) { $retValue += $n } }
        else { $retValue += $_ }
    }
    end { $retValue }
}
1,2,3,4 | Get-SumOfNumbers
Get-SumOfNumbers 1,2,3,4
$a = { param($p1, $p2) "p1: $p1"; "p2: $p2" }
&$a -p2 "First" -p1 "Second"
function MultiplyEven { param($number) if ($number % 2) { return "$number is not even" }; $number * 2 }
1..4 | ForEach-Object {MultiplyEven -Number $_}
