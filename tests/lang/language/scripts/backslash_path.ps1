& .\fixtures\lib.ps1
. .\fixtures\lib.ps1
$libVar
