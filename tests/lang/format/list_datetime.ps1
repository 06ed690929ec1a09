[datetime]'2026-11-27 16:53:05' | Format-List
