# a line comment
$x = 5 # trailing
<# block
   comment #>
$x <# inline #> + 1
