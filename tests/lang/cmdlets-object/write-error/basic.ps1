try { Write-Error 'boom' -ErrorAction Stop } catch { $_.Exception.Message }
Write-Error 'quiet' -ErrorAction SilentlyContinue
$Error[0].Exception.Message
try { Write-Error -Message 'nf' -Category ObjectNotFound -ErrorId VMNotFound -ErrorAction Stop } catch { "$($_.CategoryInfo.Category)" }
Write-Error 'ignored' -ErrorAction Ignore
$?
