# Evaluator semantics (language.md sections 2, 4-7).  Added 2026-11-24, engine issue.
# Outputs are scalars only, so the cases do not depend on the table/list formatter.

#### arithmetic precedence
2 + 3 * 4
(2 + 3) * 4
## STDOUT:
14
20
## END

#### left operand decides
6 + "3"
"file" + 16
'10' - '2'
"!" * 3
## STDOUT:
9
file16
8
!!!
## END

#### int overflow widens to double
([int]::MaxValue + 1).GetType().Name
## stdout: Double

#### division results
6 / 2
5 / 2
(6 / 2).GetType().Name
## STDOUT:
3
2.5
Int32
## END

#### divide by zero is statement-terminating
1/0
'after'
## stdout: after

#### throw is script-terminating
throw 'stop'
'not reached'
## stdout-json: ""
## status: 1

#### exit code
'a'
exit 7
## stdout: a
## status: 7

#### comparison filters a collection
1,2,3,2 -eq 2
(1,2,3 -gt 5).Count
## STDOUT:
2
2
0
## END

#### case-insensitive by default
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
## STDOUT:
True
False
## END

#### right operand converts to left type
1 -eq '1.0'
'1.0' -eq 1
## STDOUT:
True
False
## END

#### -match sets $Matches
'hello world' -match 'w(or)ld'
$Matches[0]
$Matches[1]
## STDOUT:
True
world
or
## END

#### -replace with groups
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
## stdout: Smith, John

#### -split and -join
('a,b,c' -split ',') -join '|'
-split '  x  y '
## STDOUT:
a|b|c
x
y
## END

#### -f operator
'{0,5}|{1,-4}|{2:N2}' -f 42, 'ab', 1234.5
## stdout:    42|ab  |1,234.50

#### ranges
1..3
5..4
## STDOUT:
1
2
3
5
4
## END

#### collection on assignment
$a = 'one'
$b = 'one', 'two'
function nothing { }
$c = nothing
$a.GetType().Name
$b.GetType().Name
$null -eq $c
## STDOUT:
String
Object[]
True
## END

#### array subexpression always an array
@(1).Count
@().Count
@($null).Count
## STDOUT:
1
0
1
## END

#### unary comma keeps the array whole
$x = ,(1,2,3)
$x.Count
$x[0].Count
## STDOUT:
1
3
## END

#### negative index and slices
$a = 10, 20, 30, 40
$a[-1]
$a[1..2] -join ','
$a[0, 3] -join ','
## STDOUT:
40
20,30
10,40
## END

#### expandable strings and OFS
$n = 'W'
$a = 1, 2, 3
"Hi $n! $a $(1 + 1)"
$OFS = '-'
"$a"
## STDOUT:
Hi W! 1 2 3 2
1-2-3
## END

#### hashtable member access
$h = @{ Name = 'x'; Count = 5 }
$h.name
$h['Count']
$h.missing -eq $null
## STDOUT:
x
5
True
## END

#### pscustomobject properties keep their order
$o = [pscustomobject]@{ b = 1; a = 2 }
"$o"
## stdout: @{b=1; a=2}

#### casts round half to even
[int]2.5
[int]3.5
[int]'7' + 1
## STDOUT:
2
4
8
## END

#### type-constrained variable keeps converting
[int]$n = '4'
$n = '5'
$n.GetType().Name
[string]$s = 27
$s += 3
$s
## STDOUT:
Int32
273
## END

#### compound assignment reads the current scope only
$x = 1
& { $x += 1; $x }
& { $x = $x + 1; $x }
$x
## STDOUT:
1
2
1
## END

#### dynamic scoping
function inner { $v }
function outer { $v = 'from outer'; inner }
outer
## stdout: from outer

#### dot-sourcing runs in the current scope
. { $dotted = 'yes' }
& { $child = 'no' }
$dotted
$null -eq $child
## STDOUT:
yes
True
## END

#### script and global qualifiers
$x = 'script'
function f { $script:x = 'changed' }
f
$x
## stdout: changed

#### function parameters
function f($a, [int]$b = 2) { "$a/$b/$($args -join ',')" }
f 1
f 1 3 4 5
f -b 9 -a x
## STDOUT:
1/2/
1/3/4,5
x/9/
## END

#### switch parameters
function f([switch]$v) { if ($v) { 'on' } else { 'off' } }
f
f -v
f -v:$false
## STDOUT:
off
on
off
## END

#### splatting
function f($a, $b) { "$a-$b" }
$h = @{ b = 2; a = 1 }
$arr = 'x', 'y'
f @h
f @arr
## STDOUT:
1-2
x-y
## END

#### begin process end
function f { begin { 'b' } process { "p$_" } end { 'e' } }
1, 2 | f
## STDOUT:
b
p1
p2
e
## END

#### $input in an unnamed body
1, 2, 3 | & { $input }
## STDOUT:
1
2
3
## END

#### filter
filter double { $_ * 2 }
1..3 | double
## STDOUT:
2
4
6
## END

#### ForEach-Object and Where-Object
1..6 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }
## STDOUT:
20
40
60
## END

#### ForEach-Object blocks run in the caller's scope
$count = 0
1..5 | ForEach-Object { $count++ }
$count
## stdout: 5

#### AutomationNull sends nothing down the pipeline
function nothing { }
nothing | ForEach-Object { 'ran' }
$null | ForEach-Object { 'null ran' }
## stdout: null ran

#### switch statement
switch (1, 2, 3) { 2 { 'two' } default { "d$_" } }
switch -wildcard ('hello') { 'h*' { 'wild' } }
switch -regex ('abc123') { '\d+' { $Matches[0] } }
## STDOUT:
d1
two
d3
wild
123
## END

#### break in switch
switch (1, 2, 3) { 2 { 'two'; break } default { $_ } }
## STDOUT:
1
two
## END

#### labelled break and continue
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        "$a$b"
    }
}
## STDOUT:
11
21
31
## END

#### loops
$i = 0
while ($i -lt 2) { $i; $i++ }
do { 'once' } while ($false)
for ($j = 0; $j -lt 5; $j++) { if ($j -eq 1) { continue }; if ($j -eq 3) { break }; $j }
## STDOUT:
0
1
once
0
2
## END

#### try catch finally
try { throw 'boom' } catch { "caught $_" } finally { 'finally' }
try { 1/0 } catch [System.DivideByZeroException] { 'dz' }
try { nosuchcommand } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }
## STDOUT:
caught boom
finally
dz
cnf
## END

#### rethrow
try { try { throw 'inner' } catch { throw } } catch { "outer $_" }
## stdout: outer inner

#### finally runs on break
foreach ($i in 1..3) { try { if ($i -eq 2) { break }; $i } finally { "f$i" } }
## STDOUT:
1
f1
f2
## END

#### trap continue
trap { 'trapped'; continue }
1/0
'after'
## STDOUT:
trapped
after
## END

#### error inside a function continues with its next statement
function f { 1/0; 'next' }
f
'after'
## STDOUT:
next
after
## END

#### script block invocation
$sb = { param($x) $x * 2 }
& $sb 21
$sb.Invoke(5)
"$({ text })"
## STDOUT:
42
10
 text 
## END

#### return ends the function
function f { return 'r'; 'no' }
f
## stdout: r

#### pipeline chain operators
Write-Output 'a' && Write-Output 'b'
nosuch 2>$null || Write-Output 'fallback'
## STDOUT:
a
b
fallback
## END

#### -is and -as
1 -is [int]
'x' -is [int]
'42' -as [int]
## STDOUT:
True
False
42
## END

#### null coalescing and ternary
$n = $null
$n ?? 'default'
$true ? 'yes' : 'no'
## STDOUT:
default
yes
## END

#### member access enumeration
('a', 'bb', 'ccc').Length
('a', 'bb').ToUpper()
## STDOUT:
3
A
BB
## END
