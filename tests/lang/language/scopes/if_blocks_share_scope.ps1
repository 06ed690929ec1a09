if ($true) { $inside = "yes" }
$inside
