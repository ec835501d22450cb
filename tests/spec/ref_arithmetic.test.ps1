# about_Arithmetic_Operators (PowerShell 7.5 docs) and language.md 6.1-6.2.

#### addition of integers
1 + 1
## stdout: 2

#### subtraction and negation
6 - 2
-(6 + 2)
## STDOUT:
4
-8
## END

#### multiplication
6 * 2
## stdout: 12

#### exact integer division gives Int32
6 / 2
(6 / 2).GetType().Name
## STDOUT:
3
Int32
## END

#### inexact integer division gives Double
7 / 2
(7 / 2).GetType().Name
## STDOUT:
3.5
Double
## END

#### modulus
7 % 2
## stdout: 1

#### modulus takes sign of dividend
-7 % 2
7 % -2
## STDOUT:
-1
1
## END

#### precedence multiplication before addition
3 + 6 / 3 * 4
## stdout: 11

#### parentheses override precedence
(3 + 6) / 3 * 4
## stdout: 12

#### left to right for equal precedence
10 - 4 + 2
## stdout: 8

#### string plus number concatenates
"file" + 16
## stdout: file16

#### number plus numeric string adds
6 + "3"
## stdout: 9

#### string repetition
"!" * 3
## stdout: !!!

#### string times numeric string repeats
'10' * '2'
## stdout: 1010

#### string minus string converts both to numbers
'10' - '2'
'10' / '2'
## STDOUT:
8
5
## END

#### number minus padded string
10 - ' 9 '
## stdout: 1

#### array plus scalar appends element
$array = 1, 2, 3
$array + 16
## STDOUT:
1
2
3
16
## END

#### array plus array concatenates
$r = (1, 2) + (3, 4)
$r.Count
$r -join ','
## STDOUT:
4
1,2,3,4
## END

#### array multiplied replicates
$r = @('!') * 4
$r.Count
$r -join ''
## STDOUT:
4
!!!!
## END

#### hashtable plus hashtable merges
$h = @{a = 1} + @{b = 2}
$h.Count
$h.b
## STDOUT:
2
2
## END

#### hashtable plus duplicate key is an error
$h = @{a = 1}
try { $h + @{a = 2} } catch { 'dup' }
## stdout: dup

#### int overflow widens to Double
[int]::MaxValue + 1
([int]::MaxValue + 1).GetType().Name
## STDOUT:
2147483648
Double
## END

#### long overflow widens to Double
([long]::MaxValue + 1).GetType().Name
## stdout: Double

#### byte plus byte is Int32
([byte]200 + [byte]100).GetType().Name
[byte]200 + [byte]100
## STDOUT:
Int32
300
## END

#### int plus long is long
([int]1 + [long]1).GetType().Name
## stdout: Int64

#### int plus double is double
(1 + 1.5).GetType().Name
1 + 1.5
## STDOUT:
Double
2.5
## END

#### decimal arithmetic stays decimal
([decimal]10 / 4).GetType().Name
[decimal]10 / 4
## STDOUT:
Decimal
2.5
## END

#### decimal one third has 28 digits
[decimal]1 / 3
## stdout: 0.3333333333333333333333333333

#### double display uses 15 significant digits
1 / 3
## stdout: 0.333333333333333

#### point one plus point two displays 0.3
0.1 + 0.2
## stdout: 0.3

#### large double uses exponent form
1e20
## stdout: 1E+20

#### divide by zero is an error but script continues
$z = 0
1 / $z
'after'
## stdout: after

#### divide by zero message
$z = 0
try { 1 / $z } catch { $_.Exception.Message }
## stdout: Attempted to divide by zero.

#### boolean arithmetic converts to int
$false - $true
5 + $true
## STDOUT:
-1
6
## END

#### null plus number
$null + 5
## stdout: 5

#### number times null is zero
5 * $null
## stdout: 0

#### null plus string
$null + 'a'
## stdout: a

#### cast binds tighter than plus
[string]1 + 2
## stdout: 12

#### number plus hex string
1 + '0x10'
## stdout: 17

#### number plus non numeric string fails
try { 16 + "file" } catch { 'cannot convert' }
## stdout: cannot convert

#### unary minus on variable
$a = 5
-$a
## stdout: -5

#### unary plus on string converts to number
(+'7').GetType().Name
## stdout: Int32

#### real to int cast uses banker's rounding
[int]2.5
[int]3.5
[int](7 / 2)
## STDOUT:
2
4
4
## END

#### byte cast rounds half to even
[byte]21.5
## stdout: 22

#### negative numbers in expressions
-3 * -3
## stdout: 9

#### double division by integer
5.0 / 2
## stdout: 2.5

#### long division exact keeps integer type
([long]6 / 2).GetType().Name
## stdout: Int64

#### arithmetic on numeric strings from variables
$a = '3'
$b = '4'
[int]$a + [int]$b
$a + $b
## STDOUT:
7
34
## END

#### modulus of doubles
5.5 % 2
## stdout: 1.5

#### increment and decrement operators
$a = 7
$a++
$a
$a--
$a--
$a
## STDOUT:
8
6
## END

#### prefix increment in parentheses returns new value
$a = 7
(++$a)
## stdout: 8

#### postfix increment in parentheses returns old value
$a = 7
($a++)
$a
## STDOUT:
7
8
## END

#### increment of undefined variable starts at zero
$undefinedCounter++
$undefinedCounter
## stdout: 1

#### bitwise and
10 -band 3
## stdout: 2

#### bitwise or
10 -bor 3
## stdout: 11

#### bitwise xor
10 -bxor 3
## stdout: 9

#### bitwise not
-bnot 10
## stdout: -11

#### shift left
102 -shl 2
## stdout: 408

#### shift right
102 -shr 2
## stdout: 25

#### shift right of negative is arithmetic
-8 -shr 1
## stdout: -4

#### shift count is masked for Int32
21 -shr 32
## stdout: 21

#### bitwise precedence is below arithmetic
1 + 2 -band 2
## stdout: 2

#### math static methods
[math]::Pow(2, 10)
[math]::Sqrt(16)
[math]::Abs(-5)
[math]::Max(3, 7)
## STDOUT:
1024
4
5
7
## END

#### math round defaults to banker's rounding
[math]::Round(2.5)
[math]::Round(3.5)
[math]::Round(2.567, 2)
## STDOUT:
2
4
2.57
## END

#### math floor and ceiling
[math]::Floor(2.7)
[math]::Ceiling(2.1)
## STDOUT:
2
3
## END
