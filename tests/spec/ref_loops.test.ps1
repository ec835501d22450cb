# about_Foreach, about_For, about_While, about_Do (PowerShell 7.5 docs).

#### foreach over array
$letterArray = 'a', 'b', 'c', 'd'
foreach ($letter in $letterArray) {
    "Hello $letter"
}
## STDOUT:
Hello a
Hello b
Hello c
Hello d
## END

#### foreach over range
foreach ($i in 1..3) { $i }
## STDOUT:
1
2
3
## END

#### foreach over scalar runs once
foreach ($i in 5) { "got $i" }
## stdout: got 5

#### foreach over null runs zero times
foreach ($i in $null) { 'ran' }
'done'
## stdout: done

#### foreach over empty array runs zero times
foreach ($i in @()) { 'ran' }
'done'
## stdout: done

#### foreach variable persists after loop
foreach ($i in 1..3) { }
$i
## stdout: 3

#### foreach over pipeline expression
foreach ($n in (1..6 | Where-Object { $_ % 2 -eq 0 })) { $n }
## STDOUT:
2
4
6
## END

#### foreach over hashtable iterates once
$h = @{a = 1; b = 2}
$count = 0
foreach ($x in $h) { $count++ }
$count
## stdout: 1

#### foreach over hashtable keys
$h = [ordered]@{a = 1; b = 2}
foreach ($k in $h.Keys) { "$k=$($h[$k])" }
## STDOUT:
a=1
b=2
## END

#### foreach enumerator variable MoveNext
foreach ($n in 1, 2, 3, 4) {
    $n
    $null = $foreach.MoveNext()
}
## STDOUT:
1
3
## END

#### foreach output collected in variable
$r = foreach ($i in 1..3) { $i * $i }
$r -join ','
## stdout: 1,4,9

#### foreach modifies loop variable copy only
$a = 1, 2, 3
foreach ($x in $a) { $x = 0 }
$a -join ','
## stdout: 1,2,3

#### nested foreach
foreach ($i in 1..2) { foreach ($j in 'a', 'b') { "$i$j" } }
## STDOUT:
1a
1b
2a
2b
## END

#### ForEach-Object with dollar underscore
1..3 | ForEach-Object { $_ * 2 }
## STDOUT:
2
4
6
## END

#### ForEach-Object begin process end
1, 2 | ForEach-Object -Begin { 'begin' } -Process { "p$_" } -End { 'end' }
## STDOUT:
begin
p1
p2
end
## END

#### ForEach-Object three positional blocks
1, 2 | ForEach-Object { 'b' } { "p$_" } { 'e' }
## STDOUT:
b
p1
p2
e
## END

#### ForEach-Object runs in caller scope
$sum = 0
1..4 | ForEach-Object { $sum += $_ }
$sum
## stdout: 10

#### ForEach-Object member name
'abc', 'de' | ForEach-Object Length
## STDOUT:
3
2
## END

#### ForEach-Object method name with argument
'a.b', 'c.d' | ForEach-Object Split '.'
## STDOUT:
a
b
c
d
## END

#### for loop counting
for ($i = 1; $i -le 3; $i++) { $i }
## STDOUT:
1
2
3
## END

#### for loop with step
for ($i = 0; $i -lt 10; $i += 3) { $i }
## STDOUT:
0
3
6
9
## END

#### for loop with empty parts and break
$i = 0
for (;;) {
    $i++
    if ($i -ge 3) { break }
}
$i
## stdout: 3

#### for loop with newlines instead of semicolons
for ($i = 0
$i -lt 2
$i++) {
    $i
}
## STDOUT:
0
1
## END

#### for loop condition false initially
for ($i = 5; $i -lt 3; $i++) { 'ran' }
'done'
## stdout: done

#### for loop counting down
for ($i = 3; $i -gt 0; $i--) { $i }
## STDOUT:
3
2
1
## END

#### for loop variable after loop
for ($i = 0; $i -lt 4; $i++) { }
$i
## stdout: 4

#### while loop
$val = 0
while ($val -ne 3) {
    $val++
    $val
}
## STDOUT:
1
2
3
## END

#### while with false condition never runs
while ($false) { 'ran' }
'done'
## stdout: done

#### while true with break
$n = 0
while ($true) {
    $n++
    if ($n -eq 5) { break }
}
$n
## stdout: 5

#### while with assignment in condition
$items = 'a', 'b', 'c'
$i = 0
while (($x = $items[$i]) -ne $null) { $x; $i++ }
## STDOUT:
a
b
c
## END

#### do while
$a = 1
do { $a; $a++ } while ($a -le 3)
## STDOUT:
1
2
3
## END

#### do until
$a = 1
do { $a; $a++ } until ($a -gt 3)
## STDOUT:
1
2
3
## END

#### do while runs at least once
do { 'once' } while ($false)
## stdout: once

#### do until runs at least once
do { 'once' } until ($true)
## stdout: once

#### do loop output assigned
$i = 0
$r = do { $i; $i++ } while ($i -lt 3)
$r.Count
## stdout: 3

#### while loop body output collected
$i = 0
$r = while ($i -lt 3) { $i++; $i }
$r -join ','
## stdout: 1,2,3

#### for loop with subexpression init and repeat
for ($($i = 0;$j = 0); $i -lt 2; $($i++;$j++))
{
    "`$i:$i"
    "`$j:$j"
}
## STDOUT:
$i:0
$j:0
$i:1
$j:1
## END

#### for loop with condition only
$i = 1
for (; $i -le 3; $i++) { $i }
## STDOUT:
1
2
3
## END

#### for loop with repeat only and break
$i = 1
for (;; $i++) { if ($i -gt 2) { break }; $i }
## STDOUT:
1
2
## END

#### for loop stepping by two
for ($i = 0; $i -le 6; $i += 2) { Write-Host $i }
## STDOUT:
0
2
4
6
## END

#### for loop with logical condition on two variables
$j = 5
for ($i = 0; $i -lt 10 -and $j -lt 8; $i++) { $j++ }
"$i $j"
## stdout: 3 8
