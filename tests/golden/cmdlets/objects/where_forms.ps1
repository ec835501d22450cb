# Where-Object script block and simplified forms, ForEach-Object -MemberName (2026-11-24).
$d = @(
    [pscustomobject]@{ Name = 'alpha'; N = 1; Tags = @('x', 'y') }
    [pscustomobject]@{ Name = 'Beta'; N = 5; Tags = @('y') }
    [pscustomobject]@{ Name = 'gamma'; N = 3; Tags = @() }
)
($d | Where-Object { $_.N -ge 3 }).Name -join ','
($d | Where-Object N -GT 2).Name -join ','
($d | Where-Object Name -Like '*a').Name -join ','
($d | Where-Object Name -CLike 'b*').Count
($d | Where-Object Name -Match '^[ab]').Name -join ','
($d | Where-Object Name -NotMatch 'a$').Name -join ','
($d | Where-Object Tags -Contains 'x').Name -join ','
($d | Where-Object N -In 1, 3).Name -join ','
($d | Where-Object N -NotIn 1, 3).Name -join ','
($d | Where-Object N -Is [int]).Count
($d | Where-Object Tags).Name -join ','
($d | Where-Object -Not Tags).Name -join ','
$d | ForEach-Object -MemberName Name
'a-b', 'c-d' | ForEach-Object Split '-' | Join-String -Separator '|'
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'end' }
1..2 | ForEach-Object { 'B' } { $_ * 10 } { 'E' }
