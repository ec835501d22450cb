$x = 1 +
$y = 
Get-Thing |
