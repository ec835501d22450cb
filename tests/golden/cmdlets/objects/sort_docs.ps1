# Sort-Object.md examples 7, 8, 9 (-Stable) and 11 (2026-11-24, cmdlet issue: objects).
$names = 'localhost', 'server01', 'server25', 'LOCALHOST', 'Server19', 'server3', 'localhost'
$names | Sort-Object
'--'
$names | Sort-Object -Unique
'--'
$ids = '0', '1', '12345', '1500', '2', '2800', '3500', '4100', '500', '6200', '77', '88', '99999'
($ids | Sort-Object {[int]$_}) -join ' '
(1..20 | Sort-Object {$_ % 3} -Stable) -join ' '
@(
    @{ name = 'a' ; weight = 7 }
    @{ name = 'b' ; weight = 1 }
    @{ name = 'c' ; weight = 3 }
    @{ name = 'd' ; weight = 7 }
) | Sort-Object -Property weight | ForEach-Object -Process { "{0}: {1}" -f $_.name, $_.weight }
