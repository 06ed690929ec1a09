# Sort-Object docs examples 7 and 8
$names = 'localhost','server01','server25','LOCALHOST','Server19','server3','localhost'
$names | Sort-Object
'--'
$names | Sort-Object -Unique
'--'
$ids = '0','1','12345','1500','2','2800','3500','4100','500','6200','77','88','99999'
$ids[12..0] | Sort-Object
'--'
$ids | Sort-Object {[int]$_}
