switch (1,2,3) { {$_ -gt 1} {"gt1 $_"; continue} default {"d $_"} }
