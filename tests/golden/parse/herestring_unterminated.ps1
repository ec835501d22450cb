$h = @'
line one
line two
