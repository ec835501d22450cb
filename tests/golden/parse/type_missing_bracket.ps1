$x = [int 5
