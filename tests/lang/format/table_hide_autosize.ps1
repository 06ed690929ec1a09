$d = @([pscustomobject]@{ A = 'x'; B = 'yy' }, [pscustomobject]@{ A = 'xxx'; B = 'y' })
$d | Format-Table -HideTableHeaders
$d | Format-Table -AutoSize A
'end'
