class Secretive { [string]$Name = "n"; hidden [string]$Token = "t" }
$s = [Secretive]::new()
$s.Token
