$parts = "a", "b"
"{0}-{1}" -f $parts
"{0}" -f (,$parts) -eq "System.Object[]"
