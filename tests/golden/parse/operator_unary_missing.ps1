$x = -not
