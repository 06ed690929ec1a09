# about_Comment_Based_Help: help may be a <# #> block or consecutive # comment lines, at
# the start of the function body, at its end, or just before the function keyword.
function Get-LineHelp {
    # .SYNOPSIS
    # Gets a lab item.
    # .DESCRIPTION
    # Help written as line comments.
    # .PARAMETER Name
    # The item name.
    param($Name)
}
(Get-Help Get-LineHelp).Synopsis

function Get-EndHelp {
    param($X)
    'body'
    <#
    .SYNOPSIS
    Help at the end of the body.
    #>
}
(Get-Help Get-EndHelp).Synopsis

# .SYNOPSIS
# Help before the function keyword.
function Get-BeforeHelp { param() }
(Get-Help Get-BeforeHelp).Synopsis

<#
.SYNOPSIS
Block before the function.
#>

function Get-BlockBefore { param() }
(Get-Help Get-BlockBefore).Synopsis
