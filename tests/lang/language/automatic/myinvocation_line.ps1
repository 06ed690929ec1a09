function where-am-i { $MyInvocation.ScriptLineNumber }
where-am-i
