# about_Assignment_Operators (PowerShell 7.5 docs) and language.md 2.1, 6.7.

#### simple assignment
$MyShell = "PowerShell"
$MyShell
## stdout: PowerShell

#### assignment produces no output
$a = 5
## stdout-json: ""

#### assignment in parentheses outputs the value
($a = 3)
## stdout: 3

#### chained assignment
$a = $b = $c = 'same'
"$a $b $c"
## stdout: same same same

#### add-assign on number
$a = 3
$a += 2
$a
## stdout: 5

#### add-assign on string
$a = "Windows"
$a += " PowerShell"
$a
## stdout: Windows PowerShell

#### add-assign appends to array
$a = 1, 2, 3
$a += 2
$a -join ','
## stdout: 1,2,3,2

#### add-assign array to array
$a = 1, 2
$a += 3, 4
$a.Count
## stdout: 4

#### add-assign hashtable
$hash = @{a = 1; b = 2; c = 3}
$hash += @{e = 5}
$hash.Count
$hash.e
## STDOUT:
4
5
## END

#### subtract-assign
$a = 8
$a -= 2
$a
## stdout: 6

#### subtract-assign on array element
$a = 1, 2, 3
$a[2] -= 1
$a -join ','
## stdout: 1,2,2

#### multiply-assign on number
$a = 3
$a *= 4
$a
## stdout: 12

#### multiply-assign on string repeats
$a = "file"
$a *= 4
$a
## stdout: filefilefilefile

#### divide-assign
$a = 8
$a /= 2
$a
## stdout: 4

#### modulus-assign
$a = 7
$a %= 4
$a
## stdout: 3

#### increment array element
$a = 1, 2, 3
$a[1]++
$a -join ','
## stdout: 1,3,3

#### null-coalescing assignment assigns when null
$x = $null
$x ??= 100
$x
## stdout: 100

#### null-coalescing assignment keeps existing value
$x = 'keep'
$x ??= 100
$x
## stdout: keep

#### multiple assignment
$a, $b, $c = 1, 2, 3
"$a|$b|$c"
## stdout: 1|2|3

#### multiple assignment rest goes to last variable
$a, $b, $c = 1, 2, 3, 4, 5
$c -join ','
$c.GetType().Name
## STDOUT:
3,4,5
Object[]
## END

#### multiple assignment with fewer values leaves null
$a, $b, $c = 1, 2
$null -eq $c
## stdout: True

#### swap with multiple assignment
$a = 1
$b = 2
$a, $b = $b, $a
"$a $b"
## stdout: 2 1

#### type constrained variable converts on assignment
[int]$x = '5'
$x + 1
$x.GetType().Name
## STDOUT:
6
Int32
## END

#### type constrained variable keeps converting
[int]$a = 3
$a = "4"
$a.GetType().Name
## stdout: Int32

#### type constrained variable rejects bad value
[int]$a = 3
try { $a = 'not a number' } catch { 'rejected' }
$a
## STDOUT:
rejected
3
## END

#### string constrained add-assign
[string]$a = 27
$a += 3
$a
## stdout: 273

#### unconstrained variable changes type
$a = 1
$a = 'x'
$a.GetType().Name
## stdout: String

#### assign statement result of if
$x = if ($true) { 'yes' } else { 'no' }
$x
## stdout: yes

#### assign result of foreach
$x = foreach ($i in 1..3) { $i * 2 }
$x -join ','
## stdout: 2,4,6

#### assign result of switch
$x = switch (2) { 1 { 'one' } 2 { 'two' } }
$x
## stdout: two

#### assign pipeline result
$x = 1..5 | Where-Object { $_ -gt 3 }
$x -join ','
## stdout: 4,5

#### assigning null to array element keeps element
$a = 1, 2, 3
$a[1] = $null
$a.Count
## stdout: 3

#### assign to array element by index
$a = 1, 2, 3
$a[0] = 'first'
$a -join ','
## stdout: first,2,3

#### assign to null discards
$null = 'discarded'
'done'
## stdout: done

#### assign to property of hashtable
$h = @{}
$h.Name = 'value'
$h['Other'] = 2
$h.Name
$h.Other
## STDOUT:
value
2
## END

#### compound assignment does not use dynamic scoping
$x = 1
& { $x += 1; $x }
$x
## STDOUT:
1
1
## END

#### plain assignment in child scope reads parent value
$x = 1
& { $x = $x + 1; $x }
$x
## STDOUT:
2
1
## END

#### add-assign creates variable when undefined
$newvar += 5
$newvar
## stdout: 5

#### assignment value of statement with no output is null
function Get-Nothing { }
$r = Get-Nothing
$null -eq $r
## stdout: True

#### single output becomes scalar
$r = Write-Output 'one'
$r.GetType().Name
## stdout: String

#### multiple outputs become array
$r = Write-Output 'one' 'two'
$r.GetType().Name
## stdout: Object[]
