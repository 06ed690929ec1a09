# ConvertTo-Csv docs examples 6 and 7
$person1 = @{
    Name = 'John Smith'
    Number = 1
}
$person2 = @{
    Name = 'Jane Smith'
    Number = 2
}
$allPeople = $person1, $person2
$allPeople | ConvertTo-Csv
$allPeople | Add-Member -MemberType NoteProperty -Name ExtraProp -Value 42
$allPeople | ConvertTo-Csv
