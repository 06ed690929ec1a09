$o = [pscustomobject]@{ Name = 'vm1'; Description = 'one two three four five six seven eight nine ten'; A = 1; B = 2; C = 3 }
$o | Out-String -Width 40
