"b","a","c" | /usr/bin/sort
