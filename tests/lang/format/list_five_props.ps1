[pscustomobject]@{ Name = 'vm1'; State = 'Running'; CPUUsage = 3; MemoryAssigned = 1073741824; Uptime = '01:02:03' }
