$x = 1
<# comment
still comment
