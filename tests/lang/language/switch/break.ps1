switch (3) { 3 {"three"; break} 3 {"again"} }
