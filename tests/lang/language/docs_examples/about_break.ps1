$i = 0
$varB = 10, 20, 30, 40
foreach ($val in $varB) {
    if ($val -eq 30) { break }
    $i++
}
"30 was found in array index $i"
$i = 0
while ($true) { if (++$i -ge 3) { break } }
$i
