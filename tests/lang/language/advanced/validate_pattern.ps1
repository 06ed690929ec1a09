function vp { param([ValidatePattern('^\d+$')]$Id) "id=$Id" }
vp 123
try { vp abc } catch { "pattern rejected" }
