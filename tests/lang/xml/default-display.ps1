# An element shown by Out-Default: a table of its attributes and child elements.
$x = [xml]'<hosts><host name="hv1" cores="8"><ip>10.0.0.1</ip></host><host name="hv2" cores="16"><ip>10.0.0.2</ip></host></hosts>'
$x.hosts.host
