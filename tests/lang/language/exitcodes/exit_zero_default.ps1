"x"
exit
