function s([switch]$Force) { if ($Force) { "forced" } else { "not" } }
s
s -Force
s -Force:$false
s -Force:$true
