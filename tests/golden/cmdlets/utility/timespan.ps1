# New-TimeSpan from dates and from parts; Measure-Command gives a TimeSpan (2026-11-24, cmdlet issue: utilcmds).
New-TimeSpan -Start '2024-01-01' -End '2024-01-02 01:00'
$t = New-TimeSpan -Hours 1 -Minutes 30 -Seconds 5
"$t"
(New-TimeSpan -Days 2 -Milliseconds 5).ToString()
"$(New-TimeSpan -End 2024-03-01 -Start 2024-02-01)"
$m = Measure-Command { $inside = 40 + 2 }
$m.GetType().FullName
$inside
$n = 0
1..3 | Measure-Command { $n += $_ } | Out-Null
$n
