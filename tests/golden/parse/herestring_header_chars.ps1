$h = @' x
body
'@
