foreach ($w in "a", "skip", "b") {
    if ($w -eq "a") { [void]$foreach.MoveNext(); "after a comes $($foreach.Current)" }
    else { "item $w" }
}
