# about_Trap: with several traps in a script block, the one whose type matches the error
# most specifically runs; a trap without a type handles the rest.
function Test-Traps {
    trap { 'Other terminating error trapped'; continue }
    trap [System.Management.Automation.CommandNotFoundException] {
        'Command error trapped'
        continue
    }
    nonsenseString
    1/$null
    'function went on'
}
Test-Traps
function Test-Hierarchy {
    trap [System.Exception] { 'System.Exception trap'; continue }
    trap [System.ArgumentException] { 'ArgumentException trap'; continue }
    trap [System.ArgumentNullException] { 'ArgumentNullException trap'; continue }
    throw [System.ArgumentNullException]::new('p')
    throw [System.ArgumentOutOfRangeException]::new('p')
    throw [System.IO.IOException]::new('io')
}
Test-Hierarchy
