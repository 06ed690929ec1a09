enum State { Off; Running }
$s = [State]::Running
$s -eq "Running"
$s -eq [State]::Off
switch ($s) { Running { "is running" } Off { "is off" } }
