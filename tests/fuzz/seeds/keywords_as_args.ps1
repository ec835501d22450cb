Write-Output if else while for function
$x.if; $x.class; $h = @{ if = 1; function = 2 }
if-x; function-y
