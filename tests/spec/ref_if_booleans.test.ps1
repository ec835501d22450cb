# about_If, about_Booleans, about_Operators (ternary) (PowerShell 7.5 docs) and language.md 6.6.

#### if true branch
$a = 5
if ($a -gt 2) { "The value $a is greater than 2." }
## stdout: The value 5 is greater than 2.

#### if false branch produces nothing
$a = 1
if ($a -gt 2) { 'big' }
'done'
## stdout: done

#### if else
$a = 1
if ($a -gt 2) { 'big' } else { 'small' }
## stdout: small

#### if elseif else
$a = 2
if ($a -gt 2) {
    "The value $a is greater than 2."
}
elseif ($a -eq 2) {
    "The value $a is equal to 2."
}
else {
    "The value $a is less than 2 or was not created or initialized."
}
## stdout: The value 2 is equal to 2.

#### multiple elseif picks first true
$x = 10
if ($x -lt 5) { 'a' } elseif ($x -lt 20) { 'b' } elseif ($x -lt 30) { 'c' } else { 'd' }
## stdout: b

#### else on the next line in a script
if ($false) { 'no' }
else { 'yes' }
## stdout: yes

#### if condition with assignment
if ($v = 'assigned') { "got $v" }
## stdout: got assigned

#### if condition with command
function Get-True { $true }
if (Get-True) { 'command true' }
## stdout: command true

#### if as expression value
$r = if ($false) { 1 }
$null -eq $r
## stdout: True

#### ternary operator
$true ? 'yes' : 'no'
(1 -gt 2) ? 'a' : 'b'
## STDOUT:
yes
b
## END

#### nested ternary
$n = 5
$n -lt 3 ? 'low' : $n -lt 7 ? 'mid' : 'high'
## stdout: mid

#### ternary assigned
$r = 10 -gt 5 ? 'greater' : 'smaller'
$r
## stdout: greater

#### null is false
if ($null) { 'T' } else { 'F' }
## stdout: F

#### zero is false
if (0) { 'T' } else { 'F' }
if (0.0) { 'T' } else { 'F' }
## STDOUT:
F
F
## END

#### nonzero number is true
if (-1) { 'T' } else { 'F' }
## stdout: T

#### empty string is false
if ('') { 'T' } else { 'F' }
## stdout: F

#### string False is true
if ('False') { 'T' } else { 'F' }
## stdout: T

#### space string is true
if (' ') { 'T' } else { 'F' }
## stdout: T

#### string zero is true
[bool]'0'
## stdout: True

#### empty array is false
if (@()) { 'T' } else { 'F' }
## stdout: F

#### array with single falsy element is false
[bool]@(0)
[bool]@($null)
[bool]@('')
## STDOUT:
False
False
False
## END

#### array with single truthy element is true
[bool]@(1)
[bool]@('a')
## STDOUT:
True
True
## END

#### array with two falsy elements is true
[bool]@(0, 0)
## stdout: True

#### empty hashtable is true
[bool]@{}
## stdout: True

#### bool casts of numbers
[bool]0
[bool]1
[bool]-5
## STDOUT:
False
True
True
## END

#### bool of null
[bool]$null
## stdout: False

#### switch parameter not present is false
function Test-Switch { param([switch]$On) if ($On) { 'on' } else { 'off' } }
Test-Switch
Test-Switch -On
## STDOUT:
off
on
## END

#### not operator
-not $true
!$false
-not 0
## STDOUT:
False
True
True
## END

#### not on non-empty string
-not 'text'
## stdout: False

#### and or xor
(1 -eq 1) -and (1 -eq 2)
(1 -eq 1) -or (1 -eq 2)
(1 -eq 1) -xor (2 -eq 2)
(1 -eq 1) -xor (1 -eq 2)
## STDOUT:
False
True
False
True
## END

#### logical operators have equal precedence left to right
$true -or $false -and $false
## stdout: False

#### and short circuits
function Get-Side { 'called' }
$false -and (Get-Side)
## stdout: False

#### or short circuits
$script:called = $false
function Set-Called { $script:called = $true; $true }
$null = $true -or (Set-Called)
$called
## stdout: False

#### logical operators return booleans
(1 -and 'x').GetType().Name
## stdout: Boolean

#### boolean display
$true
$false
## STDOUT:
True
False
## END

#### boolean to string in interpolation
"$true and $false"
## stdout: True and False

#### boolean type name
$true.GetType().FullName
## stdout: System.Boolean

#### bool parse from string
[bool]::Parse('false')
[bool]::Parse('TRUE')
## STDOUT:
False
True
## END

#### if with pipeline producing empty result is false
if (1..3 | Where-Object { $_ -gt 5 }) { 'T' } else { 'F' }
## stdout: F

#### if with comparison collection result
if ((1, 2, 3) -eq 2) { 'T' } else { 'F' }
if ((1, 2, 3) -eq 5) { 'T' } else { 'F' }
## STDOUT:
T
F
## END

#### collection filter with falsy match is false
if ((0, 1) -eq 0) { 'T' } else { 'F' }
## stdout: F
