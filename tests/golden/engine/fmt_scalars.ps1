# 2026-11-24 issue 3: scalars print out of band with ToString; $null prints nothing.
1
'two'
''
$null
3.5
$true
[char]'c'
1, 'x', 2.25
