foreach ($i in 1..4) {
  if ($i -eq 1) { $null = $foreach.MoveNext(); "skipped to $($foreach.Current)" }
  else { "item $i" }
}
switch (1, 2, 3) {
  1 { $null = $switch.MoveNext(); "next $($switch.Current)" }
  default { "d $_" }
}
