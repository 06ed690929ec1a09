"$(New-Guid)" -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
"$(New-Guid -Empty)"
(New-Guid) -ne (New-Guid)
(New-Guid).GetType().FullName
