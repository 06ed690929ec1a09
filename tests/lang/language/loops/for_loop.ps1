for ($i = 0; $i -lt 3; $i++) { $i }
for ($i = 10; $i -gt 0; $i -= 4) { $i }
