try { 1/0 } catch [System.DivideByZeroException] { "div" } catch { "other" }
try { throw "plain" } catch [System.DivideByZeroException] { "div" } catch { "other" }
try { nosuchcommand-xyz } catch [System.Management.Automation.CommandNotFoundException] { "cnf" }
try { throw "rt" } catch [System.Management.Automation.RuntimeException] { "runtime" }
