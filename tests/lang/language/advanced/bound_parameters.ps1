function b { param($a, $b) $PSBoundParameters.Count; $PSBoundParameters.ContainsKey('a'); $PSBoundParameters['a'] }
b -a 1
