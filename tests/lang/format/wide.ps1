'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta' | Format-Wide -Column 3 -Force
