# System.Uri: the constructor and the static data-string escape helpers.
$u = [System.Uri]::new('https://lab.example.com:8443/api/vms?state=running')
$u.Host
$u.Port
$u.Scheme
[uri]::EscapeDataString('vm name & switch/01')
[uri]::UnescapeDataString('vm%20name%20%26%20switch%2F01')
[System.Uri]::EscapeDataString('a-b_c.d~e')
