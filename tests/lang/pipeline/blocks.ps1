# begin for every stage left to right, process per object, end stage by stage; objects
# emitted in end still flow downstream.
function A {
    begin { Write-Host "A begin" }
    process { Write-Host "A process $_"; $_ }
    end { Write-Host "A end" }
}
function B {
    begin { Write-Host "B begin" }
    process { Write-Host "B process $_" }
    end { Write-Host "B end" }
}
1..2 | A | B
function Collect {
    begin { $all = @() }
    process { $all += $_ }
    end { $all | Sort-Object -Descending }
}
3, 1, 2 | Collect | ForEach-Object { "got $_" }
filter Double { $_ * 2 }
1..3 | Double
