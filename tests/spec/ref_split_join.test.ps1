# about_Split and about_Join (PowerShell 7.5 docs) and language.md 6.4-6.5.

#### unary split on whitespace
-split "red yellow blue green"
## STDOUT:
red
yellow
blue
green
## END

#### split on colon
"Lastname:FirstName:Address" -split ":"
## STDOUT:
Lastname
FirstName
Address
## END

#### split keeps captured delimiter
"Lastname:FirstName:Address" -split "(:)"
## STDOUT:
Lastname
:
FirstName
:
Address
## END

#### split keeps only the captured part of delimiter
"Lastname/:/FirstName/:/Address" -split "/(:)/"
## STDOUT:
Lastname
:
FirstName
:
Address
## END

#### split with max substrings
$c = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
$c -split ",", 5
## STDOUT:
Mercury
Venus
Earth
Mars
Jupiter,Saturn,Uranus,Neptune
## END

#### split with negative max splits from the right
$c = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
$c -split ",", -5
## STDOUT:
Mercury,Venus,Earth,Mars
Jupiter
Saturn
Uranus
Neptune
## END

#### split with max zero returns all
("a,b,c" -split ",", 0).Count
## stdout: 3

#### split with max two
"a,b,c" -split ",", 2
## STDOUT:
a
b,c
## END

#### split multiple strings
"a,b", "c,d" -split ","
## STDOUT:
a
b
c
d
## END

#### unary split of array splits each string
(-split ("a b", "c d")).Count
## stdout: 4

#### unary split binds tighter than comma
# (-split "1 2"), "a b": a two-element array whose first element is the split string[];
# about_Split's "1 2 a b" listing is how that array displays, not its Count.
$r = -split "1 2", "a b"
$r.Count
$r[0].Count
$r[1]
-split "1 2", "a b"
## STDOUT:
2
2
a b
1
2
a b
## END

#### unary split trims leading and trailing whitespace
(-split "  a  b  ").Count
## stdout: 2

#### unary split on tabs and newlines
(-split "a`tb`nc") -join ','
## stdout: a,b,c

#### split keeps empty leading and trailing pieces
$r = "1a2b3" -split "\d"
$r.Count
$r -join '|'
## STDOUT:
4
|a|b|
## END

#### split delimiter is a regex
("a.b.c" -split ".").Count
## stdout: 6

#### split simplematch option
"a.b.c" -split ".", 0, "SimpleMatch"
## STDOUT:
a
b
c
## END

#### split is case insensitive by default
"abcAbc" -split "a"
## STDOUT:

bc
bc
## END

#### csplit is case sensitive
"abcAbc" -csplit "A"
## STDOUT:
abc
bc
## END

#### split with character class
"a,b;c" -split "[,;]"
## STDOUT:
a
b
c
## END

#### split with script block delimiter
"a1b2c" -split { $_ -match '\d' }
## STDOUT:
a
b
c
## END

#### split with script block and max
"a1b2c" -split { $_ -match '\d' }, 2
## STDOUT:
a
b2c
## END

#### split multiline option
$a = @'
1The first line.
2The second line.
3The third of three lines.
'@
$r = $a -split "^\d", 0, "multiline"
$r.Count
$r[0] -eq ''
$r[3]
## STDOUT:
4
True
The third of three lines.
## END

#### split without multiline option only anchors at start
$a = "1one`n2two"
($a -split "^\d").Count
## stdout: 2

#### split ignorecase option with csplit not allowed but with split fine
"aXbxc" -split "x", 0, "IgnoreCase"
## STDOUT:
a
b
c
## END

#### split result is string array
("a b" -split " ").GetType().Name
## stdout: String[]

#### split string method
"a,b,c".Split(',').Count
## stdout: 3

#### unary join
-join ("Windows", "PowerShell", "2.0")
## stdout: WindowsPowerShell2.0

#### join with separator
"Windows", "PowerShell", "2.0" -join " "
## stdout: Windows PowerShell 2.0

#### join with separator letter
$z = "WIND", "S P", "ERSHELL"
$z -join "OW"
## stdout: WINDOWS POWERSHELL

#### unary join binds tighter than comma
-join "a", "b"
## STDOUT:
a
b
## END

#### join numbers with empty separator
1, 2, 3 -join ''
## stdout: 123

#### join with null elements
1, $null, 3 -join ','
## stdout: 1,,3

#### join of empty array is empty string
$r = @() -join ','
$r.Length
## stdout: 0

#### join scalar
'abc' -join ','
## stdout: abc

#### join with multi-character separator
'a', 'b', 'c' -join ', '
## stdout: a, b, c

#### join uses string conversion of elements
1.5, $true, 'x' -join ';'
## stdout: 1.5;True;x

#### join result is a string
(1, 2 -join '-').GetType().Name
## stdout: String

#### split and join round trip
("a-b-c" -split '-') -join '+'
## stdout: a+b+c

#### join separator of newline
'a', 'b' -join "`n"
## STDOUT:
a
b
## END

#### split at a multi-character pattern
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split 'er'
## STDOUT:
M
cury,Venus,Earth,Mars,Jupit
,Saturn,Uranus,Neptune
## END

#### case sensitive split at a letter
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -cSplit 'N'
## STDOUT:
Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,
eptune
## END

#### split at a character class keeps empty pieces
("Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split '[et]') -join '|'
## stdout: M|rcury,V|nus,|ar|h,Mars,Jupi||r,Sa|urn,Uranus,N|p|un|

#### split at a character class with a limit
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split '[er]', 6
## STDOUT:
M

cu
y,V
nus,
arth,Mars,Jupiter,Saturn,Uranus,Neptune
## END

#### split into three substrings
"a,b,c,d,e,f,g,h" -split ",", 3
## STDOUT:
a
b
c,d,e,f,g,h
## END

#### split into three substrings from the end
"a,b,c,d,e,f,g,h" -split ",", -3
## STDOUT:
a,b,c,d,e,f
g
h
## END

#### limit applies to each string independently
"a,b,c,d", "e,f,g,h" -split ",", 3
## STDOUT:
a
b
c,d
e
f
g,h
## END

#### escaped dot delimiter
"This.is.a.test" -split "\."
## STDOUT:
This
is
a
test
## END

#### simplematch option is case insensitive in name
"This.is.a.test" -split ".", 0, "simplematch"
## STDOUT:
This
is
a
test
## END

#### delimiter chosen by subexpression
$i = 1
$c = "LastName, FirstName; Address, City, State, Zip"
$c -split $(if ($i -lt 1) { "," } else { ";" })
## STDOUT:
LastName, FirstName
 Address, City, State, Zip
## END

#### binary split of two strings on space
"1 2", "a b" -split " "
## STDOUT:
1
2
a
b
## END

#### unary split of a variable holding two strings
$a = "1 2", "a b"
-split $a
## STDOUT:
1
2
a
b
## END
