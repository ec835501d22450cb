# about_Numeric_Literals (PowerShell 7.5 docs) and language.md 1.5.

#### integer literal is Int32
(42).GetType().Name
## stdout: Int32

#### large integer literal is Int64
(2147483648).GetType().Name
(9223372036854775807).GetType().Name
## STDOUT:
Int64
Int64
## END

#### integer beyond Int64 is Decimal
(9223372036854775808).GetType().Name
## stdout: Decimal

#### integer beyond Decimal is Double
(79228162514264337593543950336).GetType().Name
## stdout: Double

#### real literal is Double
(1.5).GetType().Name
(1e2).GetType().Name
## STDOUT:
Double
Double
## END

#### leading and trailing dot reals
.5
1.
## STDOUT:
0.5
1
## END

#### exponent literals
1e3
1.5E-2
## STDOUT:
1000
0.015
## END

#### hex literal
0xFF
0x1F
## STDOUT:
255
31
## END

#### hex literal with eight digits and high bit is negative
0xFFFFFFFF
0x80000000
## STDOUT:
-1
-2147483648
## END

#### short hex literal is positive
0xFFFF
## stdout: 65535

#### nine digit hex literal is Int64
0x100000000
(0x100000000).GetType().Name
## STDOUT:
4294967296
Int64
## END

#### hex literal with D is a hex digit
0x1e2D
## stdout: 7725

#### binary literal
0b1010
## stdout: 10

#### binary literal of eight ones is negative
0b11111111
## stdout: -1

#### long suffix
(10l).GetType().Name
## stdout: Int64

#### unsigned suffixes
(10u).GetType().Name
(10ul).GetType().Name
(10us).GetType().Name
(10uy).GetType().Name
## STDOUT:
UInt32
UInt64
UInt16
Byte
## END

#### signed small suffixes
(10s).GetType().Name
(10y).GetType().Name
## STDOUT:
Int16
SByte
## END

#### decimal suffix
(10d).GetType().Name
1.30d
## STDOUT:
Decimal
1.30
## END

#### bigint suffix
(10n).GetType().Name
## stdout: BigInteger

#### unsigned hex suffix has no sign
0xFFFFFFFFu
## stdout: 4294967295

#### signed hex suffix reads bits as that type
0xFFFFs
## stdout: -1

#### real with integer suffix rounds half to even
2.5l
3.72y
## STDOUT:
2
4
## END

#### multiplier suffixes
1kb
1mb
1gb
## STDOUT:
1024
1048576
1073741824
## END

#### terabyte and petabyte multipliers
1tb
1pb
## STDOUT:
1099511627776
1125899906842624
## END

#### multiplier type widens when needed
(1gb).GetType().Name
(2gb).GetType().Name
(1tb).GetType().Name
## STDOUT:
Int32
Int64
Int64
## END

#### fractional multiplier
1.5kb
## stdout: 1536

#### hex with multiplier
0x10gb
## stdout: 17179869184

#### type suffix before multiplier
(100Lgb).GetType().Name
100Lgb
## STDOUT:
Int64
107374182400
## END

#### negative literal
-12
(-12).GetType().Name
## STDOUT:
-12
Int32
## END

#### negative hex
-0x10
## stdout: -16

#### Int32 min and max
[int]::MaxValue
[int]::MinValue
## STDOUT:
2147483647
-2147483648
## END

#### Int64 max
[long]::MaxValue
## stdout: 9223372036854775807

#### double max in G15 form
[double]::MaxValue
## stdout: 1.79769313486232E+308

#### small double uses exponent form
0.00001
## stdout: 1E-05

#### double with 15 significant digits
1.23456789012345678
## stdout: 1.23456789012346

#### double equality precision
0.1 + 0.2 -eq 0.3
## stdout: False

#### number followed by letters is a command name
try { 77z } catch { 'not a number' }
## stdout: not a number

#### numeric string with hex prefix converts
[int]'0x1F'
## stdout: 31

#### numeric string with whitespace converts
[int]'  42  '
## stdout: 42

#### large multiplier result with exponent
1.4e23tb
## stdout: 1.5393162788864E+35

#### method call on real literal
1.5.GetType().Name
## stdout: Double

#### method call on suffixed literal
2uL.GetType().Name
## stdout: UInt64

#### number in argument position is a number
function Show-Type($x) { $x.GetType().Name }
Show-Type 7
Show-Type 0x10
Show-Type 1kb
## STDOUT:
Int32
Int32
Int32
## END

#### numeric argument remembers original text
& { param($p) "$p" } 0x1a
## stdout: 0x1a

#### numeric argument with its text is still an Int32 number
& { param($p) $p + 1; $p.GetType().Name; [string]$p; $p.ToString(); $p -eq 26 } 0x1a
& { param([int]$p) "$p" } 0x1a
& { param([string]$p) $p } 0x1a
& { param($p) "$p|$($p * 2)" } 1kb
& { param($p) "$p" } 1.50
& { "$args" } 7 0x10 1e2
function Show($a) { $a }
Show 0x1a
## STDOUT:
27
Int32
0x1a
26
True
26
0x1a
1kb|2048
1.50
7 0x10 1e2
0x1a
## END

#### numeric argument is still a number
& { param($p) $p + 1 } 1kb
## stdout: 1025

#### hex literal at statement start prints decimal
0x1a
## stdout: 26

#### decimal keeps trailing zeros
1.50d + 1.25d
## stdout: 2.75

#### decimal addition keeps scale
1.10d + 1.20d
## stdout: 2.30

#### literal table with unsigned and decimal suffixes
function Show($v) { "$($v.GetType().Name) $v" }
Show (100)
Show (100u)
Show (100D)
Show (100l)
Show (100uL)
Show (100us)
Show (100uy)
Show (100y)
## STDOUT:
Int32 100
UInt32 100
Decimal 100
Int64 100
UInt64 100
UInt16 100
Byte 100
SByte 100
## END

#### literal table with reals and hex
function Show($v) { "$($v.GetType().Name) $v" }
Show (1e2)
Show (1.e2)
Show (0x1e2)
Show (0x1e2L)
Show (0x1e2D)
Show (482D)
## STDOUT:
Double 100
Double 100
Int32 482
Int64 482
Int32 7725
Decimal 482
## END

#### literal table with multipliers
function Show($v) { "$($v.GetType().Name) $v" }
Show (482gb)
Show (0x1e2lgb)
## STDOUT:
Int64 517543559168
Int64 517543559168
## END

#### bigint literal with multiplier
function Show($v) { "$($v.GetType().Name) $v" }
Show (482ngb)
## stdout: BigInteger 517543559168

#### literal table with binary and signed hex
function Show($v) { "$($v.GetType().Name) $v" }
Show (0b1011011)
Show (0xFFFFs)
Show (0xFFFFFFFF)
Show (-0xFFFFFFFF)
Show (0xFFFFFFFFu)
## STDOUT:
Int32 91
Int16 -1
Int32 -1
Int32 1
UInt32 4294967295
## END

#### multiplier examples
1kb
1.30Dmb
0x10Gb
1.4e23tb
0x12Lpb
## STDOUT:
1024
1363148.80
17179869184
1.5393162788864E+35
20266198323167232
## END

#### real literal with long suffix is an integer
1.2L
1.2345e1L
1.2345e-5L
## STDOUT:
1
12
0
## END

#### string to number conversion accepts extra hex forms
[int] '0xF' -eq 0xF
[int] '&hF' -eq 0xF
[int] '#F' -eq 0xF
[int] '0b1111' -eq 0b1111
[int] '0b1111' -eq 15
## STDOUT:
True
True
True
True
True
## END

#### malformed literal with valid syntax is a parse error
'before'
1usgb
## stdout-json: ""
## status: 1

#### malformed literal with invalid syntax is a command name
try { 1gbus } catch { $_.FullyQualifiedErrorId -like 'CommandNotFoundException*' }
## stdout: True

#### large bigint literal keeps precision
111111111111111111111111111111111111111111111111111111n
[bigint]'111111111111111111111111111111111111111111111111111111'
## STDOUT:
111111111111111111111111111111111111111111111111111111
111111111111111111111111111111111111111111111111111111
## END

#### member access on real literal
1.234.GetType().Name
(2).GetType().Name
## STDOUT:
Double
Int32
## END

#### leading zero bypasses binary sign bit
0b011111111
## stdout: 255

#### type accelerator aliases
[short].Name
[ushort].Name
[uint].Name
[ulong].Name
[sbyte].Name
[single].Name
[float].Name
## STDOUT:
Int16
UInt16
UInt32
UInt64
SByte
Single
Single
## END
