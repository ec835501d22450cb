data x
