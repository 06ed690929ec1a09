for ($i = 0; $i -lt 5; $i++) { if ($i % 2) { continue }; $i }
