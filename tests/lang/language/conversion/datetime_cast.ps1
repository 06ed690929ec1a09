$d = [datetime]"2020-01-02"
$d.Year
$d.Month
$d.Day
