# ConvertTo-Html: a page (or -Fragment) with a table from the first object's properties.
$vms = [pscustomobject]@{Name='web1'; State='Running'; Mem=2GB}, [pscustomobject]@{Name='db<1>'; State='Off'; Mem=4GB}
$vms | ConvertTo-Html
$vms | ConvertTo-Html -Property Name, @{Label='GB'; Expression={$_.Mem / 1GB}} -Fragment
$vms | ConvertTo-Html -As List -Fragment -Property Name, State
$vms[0] | ConvertTo-Html -Title 'VMs' -PreContent '<h1>VMs</h1>' -PostContent '<p>end</p>' -CssUri 'style.css' -Property N*
[pscustomobject]@{A=@(1,2); B=0.1+0.2; C=$null; D=$true} | ConvertTo-Html -Fragment
