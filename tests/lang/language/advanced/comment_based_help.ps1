function Get-Doc {
    <#
    .SYNOPSIS
    Gets a document.
    .DESCRIPTION
    Longer text.
    .PARAMETER Name
    The name.
    #>
    param($Name)
    "doc $Name"
}
(Get-Help Get-Doc).Synopsis
Get-Doc z
