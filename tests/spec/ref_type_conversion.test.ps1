# about_Type_Conversion (PowerShell 7.5 docs) and language.md 6.

#### string to int cast
[int]'42'
([int]'42').GetType().Name
## STDOUT:
42
Int32
## END

#### int to string cast
([string]42).GetType().Name
## stdout: String

#### string to double
[double]'1.5'
[double]'1e3'
## STDOUT:
1.5
1000
## END

#### int to char and back
[char]65
[int][char]'A'
## STDOUT:
A
65
## END

#### bool to int
[int]$true
[int]$false
## STDOUT:
1
0
## END

#### invalid string to int cast fails
try { [int]'abc' } catch { 'conversion failed' }
## stdout: conversion failed

#### as operator returns null on failure
$null -eq ('abc' -as [int])
('12' -as [int]) + 1
## STDOUT:
True
13
## END

#### null to string is empty
([string]$null).Length
## stdout: 0

#### null to int is zero
[int]$null
## stdout: 0

#### scalar to array cast
$a = [array]5
$a.GetType().Name
$a.Count
## STDOUT:
Object[]
1
## END

#### array to string cast joins with space
[string]@(1, 2, 3)
## stdout: 1 2 3

#### string to char array
$c = [char[]]'abc'
$c.Count
$c[2]
## STDOUT:
3
c
## END

#### string to int array cast
$a = [int[]]('1', '2')
$a[0].GetType().Name
($a | Measure-Object -Sum).Sum
## STDOUT:
Int32
3
## END

#### type literal properties
[int].Name
[int].FullName
[string].FullName
## STDOUT:
Int32
System.Int32
System.String
## END

#### type accelerator names are case insensitive
[INT]'5' + 1
## stdout: 6

#### type names may omit System
[System.Int32]'7'
[Int32]'7'
## STDOUT:
7
7
## END

#### decimal from string keeps scale
[decimal]'1.50'
## stdout: 1.50

#### long cast
([long]5).GetType().Name
## stdout: Int64

#### byte cast out of range fails
try { [byte]300 } catch { 'overflow' }
## stdout: overflow

#### implicit conversion in comparison uses left type
'10' -eq 10
10 -eq '10'
## STDOUT:
True
True
## END

#### string left comparison is string comparison
'010' -eq 10
10 -eq '010'
## STDOUT:
False
True
## END

#### string to bool cast is non-empty test
[bool]'false'
[bool]''
## STDOUT:
True
False
## END

#### number to bool
[bool]0.0
[bool]0.1
## STDOUT:
False
True
## END

#### GetType of common values
'x'.GetType().Name
(1.5).GetType().Name
$true.GetType().Name
@{}.GetType().Name
(1, 2).GetType().Name
## STDOUT:
String
Double
Boolean
Hashtable
Object[]
## END

#### type constrained parameter converts
function Get-Dbl([double]$d) { $d.GetType().Name }
Get-Dbl 3
## stdout: Double

#### string to int rounds with banker's rounding
[int]'2.5'
[int]'3.5'
## STDOUT:
2
4
## END

#### double to long cast
[long]2.5
## stdout: 2

#### int to double
([double]1).GetType().Name
## stdout: Double

#### string method on number via conversion
(123).ToString().Length
## stdout: 3

#### ToString with format
(255).ToString('X')
(3.14159).ToString('F2')
## STDOUT:
FF
3.14
## END

#### string static methods
[string]::IsNullOrEmpty('')
[string]::IsNullOrEmpty('a')
[string]::Join(',', @('a', 'b'))
[string]::Concat('a', 'b')
## STDOUT:
True
False
a,b
ab
## END

#### int parse static method
[int]::Parse('12') + 1
## stdout: 13

#### char static method
[char]::IsDigit('5')
[char]::IsLetter('5')
## STDOUT:
True
False
## END

#### convert hashtable to pscustomobject
$o = [pscustomobject]@{ x = 1 }
$o.x
## stdout: 1

#### scriptblock cast from string
$sb = [scriptblock]::Create('"made"')
& $sb
## stdout: made

#### regex type accelerator
([regex]'a+').GetType().Name
## stdout: Regex

#### version comparison via type
[version]'1.10' -gt [version]'1.9'
## stdout: True

#### string comparison of version-like strings
'1.10' -gt '1.9'
## stdout: False

#### enum parse via cast
[System.DayOfWeek]'Monday'
[int][System.DayOfWeek]'Monday'
## STDOUT:
Monday
1
## END

#### string multiplication with int on right
'ab' * 2
## stdout: abab

#### int to string concatenation with plus
'' + 1 + 2
## stdout: 12

#### number plus string of number
1 + '2' + 3
## stdout: 6

#### bigint arithmetic
[bigint]'123456789012345678901234567890' + 1
## stdout: 123456789012345678901234567891

#### string to number with plus sign
[int]'+5'
## stdout: 5

#### string with leading zeros to int
[int]'007'
## stdout: 7

#### void type cast discards
[void](1 + 1)
'done'
## stdout: done

#### cast string to int variable type
$var = [int]'43'
$var.GetType().Name
## stdout: Int32

#### double cast to byte
(42.1).GetType().Name
$byte = [byte] 42.1
$byte
$byte.GetType().Name
## STDOUT:
Double
42
Byte
## END

#### byte casts round to nearest even
[byte]21.5
[byte]22.5
## STDOUT:
22
22
## END

#### boolean casts of numbers
[boolean]0
[boolean]0.0
[boolean]-1
[boolean]1
[boolean]42.1
## STDOUT:
False
False
True
True
True
## END

#### boolean casts of strings and collections
[boolean]''
[boolean]@()
[boolean]'Hello'
[boolean]@(0)
[boolean]@(0,0)
[boolean]@{}
## STDOUT:
False
False
True
False
True
True
## END

#### bigint from string
[bigint]'42'
([bigint]'42').GetType().Name
## STDOUT:
42
BigInteger
## END

#### enum from string
[System.PlatformId]'Unix'
[System.PlatformId]'Unix' -eq [System.PlatformId]::Unix
## STDOUT:
Unix
True
## END

#### flags enum from comma separated string
$a = [System.Reflection.TypeAttributes]'Public, Abstract'
$b = [System.Reflection.TypeAttributes]('Public', 'Abstract')
$c = [System.Reflection.TypeAttributes]::Public -bor [System.Reflection.TypeAttributes]::Abstract
$a -eq $c
$b -eq $c
## STDOUT:
True
True
## END

#### cast to regex uses constructor
([regex]'a|b').ToString()
([regex]::new('a|b')).ToString()
## STDOUT:
a|b
a|b
## END

#### array to string parameter in simple function
function Test-String {
    param([string] $String)
    $String
}
Test-String -String 1, 2
## stdout: 1 2

#### array to string parameter in advanced function fails
function Test-String {
    [CmdletBinding()]
    param([string] $String)
    $String
}
try { Test-String -String 1, 2 } catch { 'cannot convert' }
## stdout: cannot convert

#### array argument to method is converted to string
(Get-Date).ToString(@(1, 2))
## stdout: 1 2

#### guid from byte array with wrapped argument list
[byte[]] $bytes = 1..16
$guid = New-Object -TypeName System.Guid -ArgumentList (, $bytes)
$guid.ToString()
## stdout: 04030201-0605-0807-090a-0b0c0d0e0f10

#### guid from byte array with static new
[byte[]] $bytes = 1..16
[System.Guid]::new($bytes).ToString()
## stdout: 04030201-0605-0807-090a-0b0c0d0e0f10

#### type constrained variable from string
[int]$foo = '43'
$foo.GetType().Name
## stdout: Int32

#### integer division result is double
[int]$a = 1
[int]$b = 2
$result = $a / $b
$result
$result.GetType().Name
## STDOUT:
0.5
Double
## END

#### cast overflow result to Int64
([int64]([int]::MaxValue + 1)).GetType().Name
## stdout: Int64

#### double to decimal loses precision
([int64]::MaxValue + 1).GetType().Name
[decimal]([int64]::MaxValue + 1)
## STDOUT:
Double
9223372036854780000
## END

#### decimal suffix keeps precision
([int64]::MaxValue + 1D).GetType().Name
([int64]::MaxValue + 1D)
## STDOUT:
Decimal
9223372036854775808
## END

#### comparison converts padded string
10 -eq ' 10'
10 -eq '0xa'
## STDOUT:
True
True
## END

#### string plus and times
'10' + '2'
'10' * '2'
## STDOUT:
102
1010
## END

#### boolean times boolean is not defined
try { $false * $true } catch { 'not defined' }
## stdout: not defined

#### contains uses element type
'true', 'false' -contains $true
## stdout: True
