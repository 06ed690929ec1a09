function wv { [CmdletBinding()] param() Write-Verbose "details"; "done" }
wv
wv -Verbose
