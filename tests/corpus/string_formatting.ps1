# Building fixed-width text reports with -f, PadLeft/PadRight and interpolation.
$vms = @(
    @{ Name = 'DC01'; State = 'Running'; Mem = 2147483648; Uptime = [timespan]'1.02:03:04'; Cpu = 3.14159 }
    @{ Name = 'WEB-FRONTEND-01'; State = 'Off'; Mem = 1073741824; Uptime = [timespan]::Zero; Cpu = 0 }
    @{ Name = 'SQL01'; State = 'Saved'; Mem = 8589934592; Uptime = [timespan]'00:45:00'; Cpu = 87.5 }
)
$line = '=' * 60
$line
'{0,-18}{1,-9}{2,10}{3,12}{4,8}' -f 'Name', 'State', 'Memory', 'Uptime', 'CPU%'
'-' * 60
foreach ($vm in $vms) {
    $name = if ($vm.Name.Length -gt 16) { $vm.Name.Substring(0, 15) + '~' } else { $vm.Name }
    '{0,-18}{1,-9}{2,10}{3,12}{4,8:N1}' -f $name, $vm.State, ('{0:N0} MB' -f ($vm.Mem / 1MB)), $vm.Uptime.ToString('hh\:mm\:ss'), $vm.Cpu
}
$line
"Total memory: {0:N2} GB" -f (($vms | ForEach-Object { $_.Mem } | Measure-Object -Sum).Sum / 1GB)
'Name'.PadRight(10, '.') + 'DC01'
'42'.PadLeft(6, '0')
'{0:D5}|{1:X4}|{2:x}|{3:F3}|{4:E2}' -f 42, 255, 3054, [math]::PI, 12345.678
'{0:yyyy-MM-dd HH:mm}' -f [datetime]'2024-03-05 14:07:09'
'[{0,8}] [{1,-8}] [{2,8:N2}]' -f 'right', 'left', 1234.5
"Uptime of DC01 is $($vms[0].Uptime.Days) days, $($vms[0].Uptime.Hours) hours"
"Escapes: tab[`t] dollar[`$x] quote[`"] backtick[``]"
'Single $quoted {0}' -f 'not expanded'
$n = 1234567.891
"$n"
$n.ToString('N2')
[string]::Format('{0} of {1}', 3, 10)
'a,b,,c'.Split(',').Count
('  padded  ').Trim() + '|'
'HyperV'.ToUpper() + ' ' + 'HYPERV'.ToLower()
'Server-{0:00}' -f 7
'{{literal}} {0}' -f 'x'
[string]::Join(' + ', (1..4))
"{0,-6}|" -f $true
