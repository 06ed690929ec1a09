if (@()) { "empty array true" } else { "empty array false" }
if (@(0)) { "zero array true" } else { "zero array false" }
if (@(1,2)) { "two true" }
if ("0") { "string zero true" }
if (0.0) { "no" } else { "double zero false" }
