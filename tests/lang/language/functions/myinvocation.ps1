function who { $MyInvocation.MyCommand.Name }
who
function inv { $MyInvocation.InvocationName }
inv
