$x = @args
