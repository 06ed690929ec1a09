#Requires -Version 7.0
using namespace System.Collections.Generic
<#
.SYNOPSIS
    Forms real scripts use that the parser must accept (hand-written for hvsh).
#>
param([string]$Lab = 'lab')

# compound statements followed by more on the same line
if ($Lab) { 'has lab' } 'next'
function Get-One { 1 } Get-One
foreach ($i in 1..2) { $i } 'after'
function Test-Early { param($n) if ($n) { return 'yes' } return 'no' }
try { 1 } finally { 2 } 'done'
do { 'once' } while ($false) 'after do'

# numeric literal forms
$a = 1.e2; $b = 1.2L; $c = 2uL.GetType().Name; $d = 1.234.GetType(); $e = 0x10.ToString()
$f = 1.30Dmb; $g = 482ngb; $h = 0xFFFFs

# script-block arguments without parentheses
(1..3).ForEach{ $_ * 2 }
(1..3).Where{ $_ -gt 1 }

# attributes on functions and variables
function Get-LabItem {
    [Alias('gli')]
    [OutputType([string])]
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute(
        'PSUseShouldProcessForStateChangingFunctions', '',
        Justification = 'read only'
    )]
    [CmdletBinding()]
    param([Nullable[int]]$Count)
    [ValidateRange(1, 10)][int]$limit = 5
    $limit
}

# help as line comments at the end of a body
function Get-Ending {
    param()
    'body'
    # .SYNOPSIS
    # Help at the end.
}

class Base { [string]$Name; static Base() { } }
class Derived : Base, System.IComparable {
    [int] CompareTo([object]$o) { return 0 }
}
