function nn { param([ValidateNotNullOrEmpty()][string]$S) "s=$S" }
nn x
try { nn "" } catch { "empty rejected" }
