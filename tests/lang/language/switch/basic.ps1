switch (3) { 1 {"one"} 3 {"three"} 3 {"three again"} }
switch (5) { 1 {"one"} default {"default"} }
