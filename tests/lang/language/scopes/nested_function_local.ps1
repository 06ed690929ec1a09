function outer2 {
    function innerfn { "inner" }
    innerfn
}
outer2
$null -eq (Get-Command innerfn -ErrorAction SilentlyContinue)
