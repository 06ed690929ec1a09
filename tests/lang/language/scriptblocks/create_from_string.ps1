$sb = [scriptblock]::Create('"made " + (2 * 3)')
& $sb
