$PSVersionTable.PSVersion.Major
$PSVersionTable.PSEdition
$PSVersionTable.Platform
$PSVersionTable.PSVersion -is [object]
