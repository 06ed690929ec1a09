try { "in try"; exit 2 } finally { "finally ran" }
