function f { return 1 }
exit 3
return
exit
