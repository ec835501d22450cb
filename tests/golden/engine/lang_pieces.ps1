# 2026-11-24 issue 3: GetNewClosure, .Where() modes, .ForEach() forms, data sections,
# switch -file, $switch, scripts by path with exit codes.
$x = 1
$c = { "x=$x" }.GetNewClosure()
$x = 2
& $c
$r = 1..6
$r.Where({ $_ -gt 2 }, 'First') -join ','
$r.Where({ $_ -gt 2 }, 'First', 2) -join ','
$r.Where({ $_ -gt 2 }, 'Last', 2) -join ','
$r.Where({ $_ -eq 3 }, 'SkipUntil') -join ','
$r.Where({ $_ -eq 3 }, 'Until') -join ','
$odd, $even = $r.Where({ $_ % 2 }, 'Split')
"$odd | $even"
('a', 'bb').ForEach('Length') -join ','
('a', 'b').ForEach('ToUpper') -join ','
(1, 2).ForEach({ $_ * 10 }) -join ','
('1', '2').ForEach([int]) | ForEach-Object { $_.GetType().Name }
data { 'from data' }
data texts { @{ greet = 'hello' } }
$texts.greet
switch -Wildcard -File lines.txt { 'b*' { "b: $_" } default { "other: $_" } }
switch (1, 2) { 1 { "one $($switch.Current)" } default { "d $($switch.Current)" } }
./exit7.ps1 5
"code $LASTEXITCODE $?"
