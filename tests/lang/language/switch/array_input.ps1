switch (1,2,3) { 2 {"two"} default {"other $_"} }
