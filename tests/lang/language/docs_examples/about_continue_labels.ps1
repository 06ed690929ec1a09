:labelA for ($i = 1; $i -le 10; $i++) {
    :labelB for ($j = 1; $j -le 10; $j++) {
        :labelC for ($k = 1; $k -le 10; $k++) {
            if ($i -eq 2 -and $j -eq 1 -and $k -eq 1) { continue labelA }
            if ($i -eq 1 -and $j -eq 1 -and $k -eq 2) { break labelB }
            "i=$i j=$j k=$k"
            if ($k -eq 2) { break labelC }
        }
    }
    if ($i -ge 3) { break labelA }
}
