# about_Language_Keywords / StatementListRule: a compound statement ends at its closing
# brace, so another statement may follow on the same line without a separator.
if ($true) { 'if' } 'next'
function Get-One { 1 } Get-One
foreach ($i in 1..2) { "item $i" } 'after foreach'
function Test-Early { param($n) if ($n -gt 0) { return 'positive' } return 'not positive' }
Test-Early 5
Test-Early -1
try { 'try' } finally { 'finally' } 'after try'
$k = 0; while ($k -lt 2) { $k++ } "k=$k"
switch (3) { 3 { 'three' } } 'after switch'
do { 'once' } while ($false) 'after do'
class Pt { [int]$X } [Pt]::new().X
