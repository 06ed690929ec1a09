$hash = @{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.Number
$hash["Color"]
$hash.Add("Time", "Now")
$hash.Count
$hash.Remove("Time")
$hash.ContainsKey("Time")
$p = [ordered]@{ Name = "PowerShell"; Id = 5 }
$p.Keys -join ","
