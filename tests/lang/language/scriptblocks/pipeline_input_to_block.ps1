$double = { process { $_ * 2 } }
1..3 | & $double
