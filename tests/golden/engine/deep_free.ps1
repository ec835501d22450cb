# 2026-11-24 issue 3: freeing 200000 nested arrays must not overflow the C stack.
$a = 1
foreach ($i in 1..200000) { $a = ,$a }
$a = $null
'done'
