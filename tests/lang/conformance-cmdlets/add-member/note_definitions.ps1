# Add-Member docs example 7: Get-Member shows a DateTime note value in the current culture
$user = [pscustomobject]@{
    Name      = 'User1'
    Age       = 29
    StartDate = [datetime]'2019-05-05'
    Position  = [pscustomobject]@{
        DepartmentName = 'IT'
        Role = 'Manager'
    }
}
$user | Get-Member -MemberType NoteProperty
