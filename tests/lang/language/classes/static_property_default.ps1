class Settings {
    static [string]$Mode = "fast"
    static [hashtable]$Extra = @{ k = 1 }
}
[Settings]::Mode
[Settings]::Mode = "slow"
[Settings]::Mode
[Settings]::Extra.k
