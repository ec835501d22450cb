#### bigint arithmetic is exact
$a = [bigint]'123456789012345678901234567890'
$a * [bigint]'987654321098765432109876543210'
$a - [bigint]'123456789012345678901234567891'
[bigint]::Pow(2, 100)
-7n / 2
-7n % 2
## STDOUT:
121932631137021795226185032733622923332237463801111263526900
-1
1267650600228229401496703205376
-3
-1
## END

#### bigint mixes with other numbers
$b = 10n
($b + 1).GetType().Name
($b + 0.5).GetType().Name
$b + 0.5
$b -eq 10
10 -lt [bigint]11
[int]$b + 1
[bigint]'0x10' + 0
## STDOUT:
BigInteger
Double
10.5
True
True
11
16
## END

#### bigint from a bad string fails
try { [bigint]'12x' } catch { $_.Exception.Message }
## stdout: Cannot convert value "12x" to type "System.Numerics.BigInteger". Error: "The value could not be parsed."

#### bigint division by zero
try { 5n / 0 } catch { $_.Exception.Message }
## stdout: Attempted to divide by zero.

#### enum values print their names
[System.DayOfWeek]::Friday
[ConsoleColor]'darkred'
[int][ConsoleColor]::White
[System.IO.FileAttributes]'Hidden, ReadOnly'
[System.IO.FileAttributes]3
([System.IO.FileAttributes]::Archive -bor 'Hidden').GetType().Name
[System.Management.Automation.ActionPreference]::Stop
"$([DayOfWeek]::Sunday)!"
## STDOUT:
Friday
DarkRed
15
ReadOnly, Hidden
ReadOnly, Hidden
FileAttributes
Stop
Sunday!
## END

#### enum comparison converts the right operand
[DayOfWeek]::Monday -eq 'monday'
[DayOfWeek]::Monday -eq 1
[DayOfWeek]::Monday -lt 'Friday'
[DayOfWeek]'Tuesday' -is [System.DayOfWeek]
([System.IO.FileAttributes]'Hidden, System').HasFlag([System.IO.FileAttributes]::System)
## STDOUT:
True
True
True
True
True
## END

#### bad enum name lists the valid ones
try { [DayOfWeek]'Mondy' } catch { $_.Exception.Message -replace '\s+', ' ' }
## stdout: Cannot convert value "Mondy" to type "System.DayOfWeek". Error: "Unable to match the identifier name Mondy to a valid enumerator name. Specify one of the following enumerator names and try again: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday"

#### version parts and ordering
$v = [version]'1.2.3'
"$v"
$v.Major, $v.Minor, $v.Build, $v.Revision -join ','
[version]'1.10' -gt '1.9'
[version]::new(2, 0) -eq [version]'2.0'
$v.CompareTo([version]'1.2.4')
$v.ToString(2)
$v.GetType().FullName
## STDOUT:
1.2.3
1,2,3,-1
True
True
-1
1.2
System.Version
## END

#### regex object methods
$re = [regex]'(?<k>\w+)=(\d+)'
"$re"
$re.Match('x=1 y=22').Groups['k'].Value
$re.Matches('x=1 y=22').Count
$re.IsMatch('nope')
$re.Replace('x=1 y=22', '${k}:$1')
$re.GetGroupNames() -join ','
[regex]::new('a', 'IgnoreCase, Multiline').Options
'A-B-C' -replace [regex]'-', '+'
## STDOUT:
(?<k>\w+)=(\d+)
x
2
False
x:1 y:22
0,1,k
IgnoreCase, Multiline
A+B+C
## END

#### bad regex cast reports the pattern error
try { [regex]'(' } catch { $_.Exception.Message }
## stdout: Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". Error: "Invalid pattern '(' at offset 1. Not enough )'s."

#### replace with a script block sees groups and index
'a1b22' -replace '(\d+)', { "<$($_.Groups[1].Value)@$($_.Index)>" }
## stdout: a<1@1>b<22@3>

#### split with script block, options and types
('a,b;c' -split { $_ -eq ',' -or $_ -eq ';' }) -join '|'
('a,b;c' -split { $_ -eq ';' }, 2) -join '|'
('aXbxc' -csplit 'x') -join '|'
('a.b' -split '.', 0, 'SimpleMatch') -join '|'
(-split ' a  b ').GetType().Name
## STDOUT:
a|b|c
a,b|c
aXb|c
a|b
String[]
## END

#### exceptions made with new
$e = [System.InvalidOperationException]::new()
$e.Message
[Exception]::new().Message
[System.ArgumentNullException]::new('p').Message
$e -is [System.SystemException]
$e -is [System.ArgumentException]
## STDOUT:
Operation is not valid due to the current state of the object.
Exception of type 'System.Exception' was thrown.
Value cannot be null. (Parameter 'p')
True
False
## END

#### catch by base type of a thrown exception
try { throw [System.IO.FileNotFoundException]::new('nofile') } catch [System.IO.IOException] { "io: $($_.Exception.Message)" }
try { 1 / 0 } catch [System.ArithmeticException] { 'arith' }
## STDOUT:
io: nofile
arith
## END

#### uncaught thrown exception ends the script
throw [System.InvalidOperationException]::new('top')
## stdout-json: ""
## status: 1

#### timespan strings parse like TimeSpan.Parse
"$([timespan]'31')"
"$([timespan]'1.02:03:04.5')"
"$([timespan]'-00:00:01')"
"$([timespan]'10:20')"
## STDOUT:
31.00:00:00
1.02:03:04.5000000
-00:00:01
10:20:00
## END

#### two-digit years use the 2049 window
([datetime]'2/20/88').Year
([datetime]'1/2/03').Year
## STDOUT:
1988
2003
## END

#### string order puts symbols before digits before letters
('b', '_x', 'B', '1', '~', 'a' | Sort-Object) -join ' '
'~' -lt 'a'
'Z' -gt 'a'
## STDOUT:
_x ~ 1 a b B
True
True
## END

#### guid from bytes
[guid]::new([byte[]](1..16)).ToString()
## stdout: 04030201-0605-0807-090a-0b0c0d0e0f10

#### scriptblock create
$sb = [scriptblock]::Create('param($x) $x * 2')
& $sb 21
try { [scriptblock]'1 + 1' } catch { 'no cast' }
## STDOUT:
42
no cast
## END

#### System.Enum statics
[enum]::GetNames([DayOfWeek]) -join ','
[System.Enum]::GetValues([ConsoleColor])[3]
[enum]::Parse([DayOfWeek], 'friday')
[enum]::IsDefined([DayOfWeek], 3)
[enum]::IsDefined([DayOfWeek], 'Funday')
[DayOfWeek]::Monday -is [enum]
5 -is [System.Enum]
## STDOUT:
Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday
DarkCyan
Friday
True
False
True
False
## END

#### bigint format strings
'{0:N0}|{0:D25}|{0:X}|{0:E2}' -f 12345678901234567890123n
(255n).ToString('X')
(15n).ToString('x4')
'{0:N2}|{0:D3}|{0}' -f -5n
## STDOUT:
12,345,678,901,234,567,890,123|0012345678901234567890123|29D42B64E76714244CB|1.23E+022
0FF
000f
-5.00|-005|-5
## END

#### [switch] parameter values are SwitchParameter objects
function sw([switch]$s) {
    $s -is [switch]
    $s.GetType().Name
    $s.GetType().FullName
    $s.IsPresent
    [bool]$s
    if ($s) { 'on' } else { 'off' }
    $s.ToBool()
    -not $s
    "$s"
}
sw -s
sw
## STDOUT:
True
SwitchParameter
System.Management.Automation.SwitchParameter
True
True
on
True
False
True
True
SwitchParameter
System.Management.Automation.SwitchParameter
False
False
off
False
True
False
## END

#### a SwitchParameter shows as an IsPresent table
function sw([switch]$s) { $PSBoundParameters['s'] }
sw -s
## STDOUT:

IsPresent
---------
     True

## END

#### a switch passes on with -s:$s and through splatting
function inner([switch]$s) { "inner: $($s.IsPresent)" }
function outer([switch]$s) { inner -s:$s; inner @PSBoundParameters }
outer -s
outer
$h = @{ s = $true }; inner @h
$h = @{ s = $false }; inner @h
## STDOUT:
inner: True
inner: True
inner: False
inner: False
inner: True
inner: False
## END

#### StringBuilder: Append chains and returns the builder
$sb = [System.Text.StringBuilder]::new()
[void]$sb.Append('a')
$sb.Append('b').Append(1).Append('-', 3) | Out-Null
$sb.ToString()
$sb.Length
$r = $sb.Append('z'); $r.GetType().Name
"$sb"
## STDOUT:
ab1---
6
StringBuilder
ab1---z
## END

#### StringBuilder: AppendLine, AppendFormat, Insert, Remove, Replace, Clear
$sb = [System.Text.StringBuilder]::new('hello')
[void]$sb.AppendLine(' world')
[void]$sb.AppendFormat('{0}+{1:N2}', 'x', 3.14159)
$sb.ToString()
[void]$sb.Insert(0, '>> ').Remove(3, 1).Replace('l', 'L')
$sb.ToString()
$sb.ToString(3, 4)
$sb[0]; $sb[0].GetType().Name
$sb.Clear().Length
"[$sb]"
## STDOUT:
hello world
x+3.14
>> eLLo worLd
x+3.14
eLLo
>
Char
0
[]
## END

#### StringBuilder: Length is settable; Capacity follows .NET
$sb = [System.Text.StringBuilder]::new('abcdef')
$sb.Length = 2
$sb.ToString()
$sb.Capacity
[System.Text.StringBuilder]::new(100).Capacity
[System.Text.StringBuilder]::new('x' * 20).Capacity
$b = [System.Text.StringBuilder]::new(); [void]$b.Append('y' * 20); $b.Capacity
[void]$b.Append('y' * 20); $b.Capacity
$b.MaxCapacity
## STDOUT:
ab
16
100
20
32
64
2147483647
## END

#### StringBuilder: Out-Default shows Capacity MaxCapacity Length; New-Object makes one
$sb = New-Object System.Text.StringBuilder
[void]$sb.Append('abc')
$sb.GetType().FullName
$sb -is [System.Text.StringBuilder]
$sb
## STDOUT:
System.Text.StringBuilder
True

Capacity MaxCapacity Length
-------- ----------- ------
      16  2147483647      3

## END

#### [switch] casts make SwitchParameter values
[switch]$true -is [switch]
([switch]$false).IsPresent
[switch]$x = 1; $x.GetType().Name
if ([switch]$false) { 'y' } else { 'n' }
function f([switch]$s) { $s.IsPresent }
f -s:([switch]$true)
## STDOUT:
True
False
SwitchParameter
n
True
## END

#### -f formats dates and time spans with their own format strings (current culture en-US)
$d = [datetime]'2026-03-04 13:05'
"{0:yyyy-MM-dd}|{0:D}|{0,-12:d}|{0}" -f $d
"{0:hh\:mm}|{0:c}" -f (New-TimeSpan -Minutes 75)
"$d"
## STDOUT:
2026-03-04|Wednesday, March 4, 2026|3/4/2026    |3/4/2026 1:05:00 PM
01:15|01:15:00
03/04/2026 13:05:00
## END
