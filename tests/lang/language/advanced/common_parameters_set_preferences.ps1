function Show-Pref { [CmdletBinding()] param() "ea=$ErrorActionPreference vb=$VerbosePreference" }
Show-Pref
Show-Pref -ErrorAction Stop -Verbose
