# about_Operators, about_Operator_Precedence, about_Logical_Operators (PowerShell 7.5 docs) and language.md 2.2, 6.5.

#### grouping operator
(1 + 2) * 3
## stdout: 9

#### grouping lets assignment output
($x = 'shown')
## stdout: shown

#### subexpression returns scalar for one item
$(1).GetType().Name
## stdout: Int32

#### subexpression returns array for many items
$(1; 2).GetType().Name
$(1; 2).Count
## STDOUT:
Object[]
2
## END

#### subexpression with no output is null
$null -eq $(if ($false) { 1 })
## stdout: True

#### array subexpression with no output is empty array
@(if ($false) { 1 }).Count
## stdout: 0

#### subexpression runs statements
$(foreach ($i in 1..3) { $i }) -join ','
## stdout: 1,2,3

#### comma operator precedence
(1, 2 + 3).Count
## stdout: 3

#### unary comma precedence with plus
(, 1 + 2).Count
## stdout: 2

#### comma binds tighter than comparison
'a', 'b' -eq 'a'
## stdout: a

#### range operator
1..4 -join ','
## stdout: 1,2,3,4

#### range operator with variables
$lo = 2
$hi = 4
($lo..$hi) -join ','
## stdout: 2,3,4

#### range operator with string numbers
('1'..'3') -join ','
## stdout: 1,2,3

#### range of characters descending
('e'..'a') -join ''
## stdout: edcba

#### range converts doubles to integers
(1.6..3.2) -join ','
## stdout: 2,3

#### format operator
"{0} {1,-10} {2:N}" -f 1, "hello", [math]::pi
## stdout: 1 hello      3.14

#### format alignment right
"[{0,5}]" -f 'ab'
## stdout: [   ab]

#### format alignment left
"[{0,-5}]" -f 'ab'
## stdout: [ab   ]

#### format hex
"{0:X}" -f 255
"{0:x4}" -f 255
## STDOUT:
FF
00ff
## END

#### format decimal padding
"{0:D5}" -f 42
## stdout: 00042

#### format fixed point
"{0:F1}" -f 2.26
"{0:F2}" -f 3.14159
## STDOUT:
2.3
3.14
## END

#### format number grouping
"{0:N0}" -f 1234567
"{0:N2}" -f 1234.5
## STDOUT:
1,234,567
1,234.50
## END

#### format alignment and format combined
"[{0,10:N2}]" -f 1234.5
## stdout: [  1,234.50]

#### format custom pattern
"{0:00.0}" -f 3.14159
## stdout: 03.1

#### format literal braces
"{{0}} is {0}" -f 'x'
## stdout: {0} is x

#### format reuses index
"{0}{0}{1}" -f 'a', 'b'
## stdout: aab

#### format with array on right
$arr = 'x', 'y'
"{1}-{0}" -f $arr
## stdout: y-x

#### format missing argument is an error
try { "{1}" -f 'only' } catch { 'format error' }
## stdout: format error

#### format of null is empty
"[{0}]" -f $null
## stdout: []

#### format precedence above additive
"{0}" -f 1 + 2
## stdout: 12

#### index operator
$a = 10, 20, 30
$a[0]
$a[-1]
## STDOUT:
10
30
## END

#### index of hashtable by key
$h = @{ k = 'v' }
$h['k']
## stdout: v

#### index binds tighter than cast
[string]@('Windows', 'PowerShell')[0]
([string]@('Windows', 'PowerShell'))[0]
## STDOUT:
Windows
W
## END

#### static member operator
[math]::Round(1.5)
[int]::MaxValue
## STDOUT:
2
2147483647
## END

#### call operator with script block
& { 'called block' }
## stdout: called block

#### dot source operator
. { $dsv = 'dot' }
$dsv
## stdout: dot

#### type operators
'x' -is [string]
1 -isnot [string]
(1 -as [string]).GetType().Name
## STDOUT:
True
True
String
## END

#### as with type name string
('5' -as 'int').GetType().Name
## stdout: Int32

#### not operators
-not $true
!$true
!0
## STDOUT:
False
False
True
## END

#### and or are short circuit and xor is not
$true -and $true
$true -or (1 / 0)
$false -xor $false
## STDOUT:
True
True
False
## END

#### ternary with expressions
$n = 4
$n % 2 -eq 0 ? 'even' : 'odd'
## stdout: even

#### null coalescing chain
$a = $null
$b = $null
$a ?? $b ?? 'third'
## stdout: third

#### null coalescing with false is not null
$f = $false
$f ?? 'default'
## stdout: False

#### null coalescing assignment on undefined variable
$undefinedForCoalesce ??= 'init'
$undefinedForCoalesce
## stdout: init

#### pipeline chain operators with expressions
1 && 2
## STDOUT:
1
2
## END

#### pipeline chain after native failure
/bin/sh -c 'exit 1' || 'native failed'
## stdout: native failed

#### pipeline chain after native success
/bin/sh -c 'exit 0' && 'native ok'
## stdout: native ok

#### void cast
[void]'discarded'
'shown'
## stdout: shown

#### increment operators on property
$o = [pscustomobject]@{ n = 1 }
$o.n++
$o.n
## stdout: 2

#### decrement operator prefix in expression
$i = 5
$j = --$i
"$i $j"
## stdout: 4 4

#### unary minus binds tighter than multiplication
-2 * 3
## stdout: -6

#### operator precedence of comparison over logical
1 -lt 2 -and 3 -gt 2
## stdout: True

#### comparison precedence below arithmetic
2 + 3 -eq 5
## stdout: True

#### cast precedence over binary operators
[int]'3' + '4'
## stdout: 7

#### unary join and split precedence
-join (1, 2) + 3
## stdout: 123

#### assignment operators are lowest precedence
$r = 1 + 2 * 3
$r
## stdout: 7

#### bitwise operators on hex
0xF0 -band 0x3C
0xF0 -bor 0x0F
## STDOUT:
48
255
## END

#### shl on long
([long]1 -shl 40)
## stdout: 1099511627776

#### comparison operators with leading i and c on other operators
'ABC' -ilike 'abc'
'ABC' -clike 'abc'
'a' -cin 'A', 'b'
'A', 'b' -ccontains 'a'
## STDOUT:
True
False
False
False
## END

#### cne and ine
'a' -cne 'A'
'a' -ine 'A'
## STDOUT:
True
False
## END

#### cgt and lt on strings
'b' -gt 'A'
'B' -cgt 'a'
## STDOUT:
True
True
## END

#### background operator returns job
$j = Write-Output 'bg' &
$r = Receive-Job $j -Wait -AutoRemoveJob
$r
## stdout: bg

#### grouped assignment participates in expression
($var = 1 + 2) -eq 3
## stdout: True

#### grouped prefix and postfix increment
$i = 0
(++$i)
$i = 0
($i++)
$i
## STDOUT:
1
0
1
## END

#### call operator does not parse strings
try { & "Write-Output x" } catch { 'not recognized' }
## stdout: not recognized

#### call operator string expression is not evaluated
try { & "1+1" } catch { 'not recognized' }
Invoke-Expression "1+1"
## STDOUT:
not recognized
2
## END

#### date subtraction compared with timespan
[DateTime] '2/20/88' - [DateTime] '1/20/88' -eq [TimeSpan] '31'
## stdout: True

#### zero padding custom format
"{0:00} {1:000} {2:000000}" -f 7, 24, 365
## stdout: 07 024 000365

#### doubled braces in format string
"{0} vs. {{0}}" -f 'foo'
## stdout: foo vs. {0}

#### index with a list of indices
$a = 1, 2, 3
$a[2, 1, 0]
## STDOUT:
3
2
1
## END

#### index into a hashtable
$h = @{ key = "value"; name = "PowerShell"; version = "2.0" }
$h["name"]
## stdout: PowerShell

#### index into a scalar
(2)[0]
(2)[-1]
(2)[1] -eq $null
## STDOUT:
2
2
True
## END

#### descending number ranges
(10..1) -join ','
(5..-5) -join ','
## STDOUT:
10,9,8,7,6,5,4,3,2,1
5,4,3,2,1,0,-1,-2,-3,-4,-5
## END

#### character ranges
'a'..'f'
'F'..'A'
## STDOUT:
a
b
c
d
e
f
F
E
D
C
B
A
## END

#### character range assigned to string variable
[string]$s = 'a'..'e'
$s
## stdout: a b c d e

#### character range follows code point order
'c'..'X'
## STDOUT:
c
b
a
`
_
^
]
\
[
Z
Y
X
## END

#### Write-Output enumerates a single element array
(Write-Output (, 1)).GetType().Name
## stdout: Int32

#### dot source script with arguments preserves args
$f = "/tmp/psmini-spectests-$PID-dotargs.ps1"
Set-Content -Path $f -Value 'param($First) "first=$First rest=$args"'
. $f 1 2 3
Remove-Item $f
## stdout: first=1 rest=2 3
