# about_Break, about_Continue (PowerShell 7.5 docs).

#### break exits foreach
$i = 0
$varB = 10, 20, 30, 40
foreach ($val in $varB) {
    if ($val -eq 30) { break }
    $i++
}
"30 was found in array index $i"
## stdout: 30 was found in array index 2

#### break exits for
for ($i = 1; $i -le 10; $i++) {
    if ($i -eq 3) { break }
    $i
}
## STDOUT:
1
2
## END

#### break exits while
$i = 0
while ($true) {
    $i++
    if ($i -gt 2) { break }
    $i
}
## STDOUT:
1
2
## END

#### break exits do loop
$i = 0
do {
    $i++
    if ($i -eq 2) { break }
    $i
} while ($i -lt 5)
## stdout: 1

#### break only exits innermost loop
foreach ($i in 1..2) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { break }
        "$i$j"
    }
}
## STDOUT:
11
21
## END

#### labeled break exits outer loop
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { break outer }
        "$i$j"
    }
}
'after'
## STDOUT:
11
after
## END

#### labeled break on while
$i = 0
:red while ($i -lt 10) {
    $i++
    while ($true) { break red }
}
$i
## stdout: 1

#### continue skips to next iteration
for ($i = 1; $i -le 5; $i++) {
    if ($i -eq 3) { continue }
    $i
}
## STDOUT:
1
2
4
5
## END

#### continue in while
[int]$i = 0
while ($i -lt 6) {
    $i += 1
    if ($i -eq 3) { continue }
    $i
}
## STDOUT:
1
2
4
5
6
## END

#### continue in foreach
foreach ($x in 'a', 'skip', 'b') {
    if ($x -eq 'skip') { continue }
    $x
}
## STDOUT:
a
b
## END

#### labeled continue continues outer loop
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { continue outer }
        "$i$j"
    }
}
## STDOUT:
11
21
31
## END

#### continue in do while evaluates condition
$i = 0
do {
    $i++
    if ($i -eq 2) { continue }
    $i
} while ($i -lt 4)
## STDOUT:
1
3
4
## END

#### break inside function called from loop stops the loop
function Stop-Loop { break }
foreach ($i in 1..3) {
    $i
    if ($i -eq 2) { Stop-Loop }
}
'after'
## STDOUT:
1
2
after
## END

#### break with label stored in variable
$label = 'outer'
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { break $label }
        "$i$j"
    }
}
## stdout: 11

#### break in switch inside loop leaves loop running
foreach ($i in 1..2) {
    switch ($i) { default { 'in switch'; break } }
    "after switch $i"
}
## STDOUT:
in switch
after switch 1
in switch
after switch 2
## END

#### continue in switch inside loop continues the switch
foreach ($i in 1..2) {
    switch (1, 2) { 1 { continue } default { "sw $_" } }
    "loop $i"
}
## STDOUT:
sw 2
loop 1
sw 2
loop 2
## END

#### break in nested for with label
:L for ($i = 0; $i -lt 3; $i++) {
    for ($j = 0; $j -lt 3; $j++) {
        if ($i -eq 1) { break L }
        "$i,$j"
    }
}
## STDOUT:
0,0
0,1
0,2
## END
