$a = @"
Expandable $name
  $($x * 2)
"@
$b = @'
Verbatim $name
'@
Write-Output @"
"@
