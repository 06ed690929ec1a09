try { [int]"x" } catch [System.DivideByZeroException], [System.Management.Automation.RuntimeException] { "one of two" }
