$x = $env:
