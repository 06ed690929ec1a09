$script:counter = 0
function bump { $script:counter++ }
function twice { bump; bump }
twice
$counter
