$grid = @(
    @(1, 2, 3),
    @(4, 5, 6),
    @(7, 8, 9)
)

:rows foreach ($row in $grid) {
    :cols foreach ($cell in $row) {
        if ($cell -eq 5) { continue rows }
        if ($cell -eq 8) { break rows }
        Write-Output $cell
    }
}

for ($i = 0; $i -lt 10; $i += 2) {
    if ($i -eq 6) { continue }
    "i=$i"
}

for (($i = 0), ($j = 10); $i -lt $j; $i++, $j--) { }

$n = 0
while ($true) {
    $n++
    if ($n -ge 3) { break }
}

do {
    $n--
} while ($n -gt 0)

do {
    $n++
} until ($n -eq 5)

$count = 0
:outer while ($count -lt 100) {
    $count++
    switch ($count) {
        10 { break outer }
        { $_ % 2 -eq 0 } { continue }
    }
}
"count=$count"
