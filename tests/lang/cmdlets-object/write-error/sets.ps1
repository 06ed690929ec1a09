try { throw 'bad op' } catch { $ex = $_.Exception }
try { Write-Error -Exception $ex -ErrorAction Stop } catch { $_.Exception.Message }
try { throw 'inner' } catch { $rec = $_ }
try { Write-Error -ErrorRecord $rec -ErrorAction Stop } catch { $_.Exception.Message }
try { Write-Error -Message 'with target' -TargetObject 42 -ErrorAction Stop } catch { $_.TargetObject }
