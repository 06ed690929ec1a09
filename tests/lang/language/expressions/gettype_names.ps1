(1).GetType().FullName
"s".GetType().FullName
(1.5).GetType().FullName
@(1).GetType().FullName
@{}.GetType().FullName
$true.GetType().Name
