# about_Object_Creation: a hashtable converts to a class through its default constructor
# and property setters; a key without a matching property is an error that lists the
# properties the class has.
class User {
    [int]$id
    [string]$name
}
$u = [User]@{ id = 7; name = 'admin' }
"$($u.id) $($u.name)"
try {
    $admin = [User]@{
        id     = 0
        name   = 'administrator'
        handle = 'jerry'
    }
} catch {
    $_.Exception.Message
}
$null -eq $admin
