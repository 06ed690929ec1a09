[ordered]@{ Name = 'vm1'; Memory = 4GB; Tags = 'a', 'b' }
