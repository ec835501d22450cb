$a = 1
$a += 2; $a -= 1; $a *= 3; $a /= 2; $a %= 5; $n ??= "d"
$x, $y = 1, 2
$h.Key = Get-Value
$arr[0] = if ($true) { 1 } else { 2 }
$i++; --$j
