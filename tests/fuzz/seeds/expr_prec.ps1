1 + 2 * 3 - 4 / 2 % 3
$a = (1..10) -join ","
$b = -not $true -or $false -and !$x
$c = 5 -shl 2 -bor 1 -bxor 3
