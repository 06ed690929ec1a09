# Default output of XML documents and elements: their adapted properties.
$x = [xml]'<?xml version="1.0" encoding="utf-8"?><vm><name>web1</name><cpu count="2"/><disk>a</disk><disk>b</disk></vm>'
$x | Format-Table
$x.vm | Format-List
$x.vm.cpu | Format-List
$x.vm.disk
