enum Size { Small; Large }
class Shirt { [Size]$Size = [Size]::Small }
$s = [Shirt]::new()
$s.Size
$s.Size = "Large"
$s.Size
