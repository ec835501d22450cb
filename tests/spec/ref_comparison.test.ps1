# about_Comparison_Operators (PowerShell 7.5 docs) and language.md 6.3.

#### eq on numbers
2 -eq 2
2 -eq 3
## STDOUT:
True
False
## END

#### eq filters a collection
1, 2, 3 -eq 2
## stdout: 2

#### eq on strings
"abc" -eq "abc"
## stdout: True

#### eq with array right side is false
"abc" -eq "abc", "def"
## stdout: False

#### eq with array left side filters
"abc", "def" -eq "abc"
## stdout: abc

#### ne on strings
"abc" -ne "abc"
"abc" -ne "abc", "def"
## STDOUT:
False
True
## END

#### ne filters collection
"abc", "def" -ne "abc"
## stdout: def

#### eq is case insensitive by default
"abc" -eq "ABC"
## stdout: True

#### ceq is case sensitive
"abc" -ceq "ABC"
## stdout: False

#### ieq is explicitly case insensitive
"abc" -ieq "ABC"
## stdout: True

#### right operand converted to left type
1 -eq "1.0"
"1.0" -eq 1
## STDOUT:
True
False
## END

#### hex string converts for number comparison
10 -eq '0xa'
## stdout: True

#### gt filters collection
$a = 5, 6, 7, 8, 9
$a -gt 7
## STDOUT:
8
9
## END

#### ge le lt on numbers
8 -ge 8
7 -le 6
5 -lt 6
## STDOUT:
True
False
True
## END

#### string ordering compares alphabetically
"a" -lt "b"
'10' -lt 9
10 -lt '9'
## STDOUT:
True
True
False
## END

#### string ordering ignores case by default
'aaa' -lt 'AAA'
## stdout: False

#### case sensitive ordering uses culture collation
'a' -clt 'B'
## stdout: True

#### collection comparison with no match is empty and falsy
$r = 1, 2 -eq 3
$r.Count
[bool]$r
## STDOUT:
0
False
## END

#### ne null removes nulls
$a = 1, 2, $null, 4, $null, 6
($a -ne $null).Count
## stdout: 4

#### null on left tests for null
$a = 1, 2, $null, 4, $null, 6
$null -ne $a
$null -eq $a
## STDOUT:
True
False
## END

#### like with wildcard
"PowerShell" -like "*shell"
## stdout: True

#### like filters collection
"PowerShell", "Server" -like "*shell"
## stdout: PowerShell

#### notlike
"PowerShell" -notlike "*shell"
## stdout: False

#### like question mark matches one character
"abc" -like "a?c"
"abbc" -like "a?c"
## STDOUT:
True
False
## END

#### like character set and range
"big" -like "b[aeiou]g"
"bog" -like "b[a-f]g"
## STDOUT:
True
False
## END

#### like matches whole string
"abc" -like "b"
## stdout: False

#### clike is case sensitive
"PowerShell" -clike "*shell"
## stdout: False

#### like with escaped wildcard
'a*c' -like 'a`*c'
'abc' -like 'a`*c'
## STDOUT:
True
False
## END

#### match returns boolean on scalar
"PowerShell" -match "^Power\w+"
## stdout: True

#### match filters collection
"Sunday", "Monday", "Tuesday" -match "sun"
## stdout: Sunday

#### match sets Matches
"Sunday" -match "sun"
$Matches[0]
## STDOUT:
True
Sun
## END

#### notmatch
"Sunday" -notmatch "sun"
"Monday" -notmatch "sun"
## STDOUT:
False
True
## END

#### cmatch is case sensitive
"Sunday" -cmatch "sun"
## stdout: False

#### failed match keeps old Matches
$null = 'abc' -match 'b'
$null = 'xyz' -match 'q'
$Matches[0]
## stdout: b

#### match on collection does not set Matches
$null = 'first' -match 'first'
$null = 'a', 'b' -match 'b'
$Matches[0]
## stdout: first

#### contains
"abc", "def" -contains "def"
## stdout: True

#### contains needs exact element
"Windows", "PowerShell" -contains "Shell"
"Windows", "PowerShell" -contains "PowerShell"
## STDOUT:
False
True
## END

#### notcontains
"Windows", "PowerShell" -notcontains "Shell"
## stdout: True

#### contains with array right side compares the array
"abc", "def", "ghi" -contains "abc", "def"
## stdout: False

#### contains finds the same array reference
$a = "abc", "def"
$a, "ghi" -contains $a
## stdout: True

#### contains converts to element type
1, 2, 3 -contains '2'
## stdout: True

#### in
"def" -in "abc", "def"
"Shell" -in "Windows", "PowerShell"
## STDOUT:
True
False
## END

#### notin
"Shell" -notin "Windows", "PowerShell"
## stdout: True

#### in uses element type for conversion
$true -in 'true', 'false'
## stdout: True

#### replace
"Hello" -replace 'H', 'J'
## stdout: Jello

#### ireplace and creplace
"book" -ireplace "B", "C"
"book" -creplace "B", "C"
## STDOUT:
Cook
book
## END

#### replace with named groups
'John Doe' -replace '(?<First>\w+) (?<Last>\w+)', '${Last}, ${First}'
## stdout: Doe, John

#### replace with numbered groups
'Hello World' -replace '(\w+) (\w+)', '$2 $1'
## stdout: World Hello

#### replace dollar escaping
'5.72' -replace '(.+)', '$$$1'
'5.72' -replace '(.+)', '$$1'
## STDOUT:
$5.72
$1
## END

#### replace without replacement deletes
"abcabc" -replace "b"
## stdout: acac

#### replace on collection
"ab", "cb" -replace "b", "x"
## STDOUT:
ax
cx
## END

#### replace with script block
"072101108108111" -replace "\d{3}", { return [char][int]$_.Value }
## stdout: Hello

#### is and isnot
$a = 1
$b = "1"
$a -is [int]
$a -is $b.GetType()
$b -isnot [int]
$a -isnot $b.GetType()
## STDOUT:
True
False
True
True
## END

#### is with string type name
'x' -is 'string'
## stdout: True

#### as converts or returns null
'42' -as [int]
$null -eq ('abc' -as [int])
## STDOUT:
42
True
## END

#### eq with null left on scalar
$null -eq $null
$null -eq 0
## STDOUT:
True
False
## END

#### bool left converts right to bool
$true -eq 'false'
$false -eq ''
## STDOUT:
True
True
## END

#### string left converts bool to string
'' -eq $false
'False' -eq $false
## STDOUT:
False
True
## END

#### eq on chars and strings
[char]'a' -eq 'a'
## stdout: True

#### empty comparison result is an empty object array
$a = (1, 2) -eq 3
$a.GetType().Name
$a.Count
## STDOUT:
Object[]
0
## END

#### eq returns every matching element
"zzz", "def", "zzz" -eq "zzz"
## STDOUT:
zzz
zzz
## END

#### ne null filters out null elements
$a = 1, 2, $null, 4, $null, 6
$a -ne $null
## STDOUT:
1
2
4
6
## END

#### scalar relational operators
8 -gt 6
8 -ge 8
6 -lt 8
8 -le 8
## STDOUT:
True
True
True
True
## END

#### relational operators filter a collection
$a = 5, 6, 7, 8, 9
Write-Output "Test collection:"
$a
Write-Output "`nMembers greater than 7"
$a -gt 7
Write-Output "`nMembers greater than or equal to 7"
$a -ge 7
Write-Output "`nMembers smaller than 7"
$a -lt 7
Write-Output "`nMembers smaller than or equal to 7"
$a -le 7
## STDOUT:
Test collection:
5
6
7
8
9

Members greater than 7
8
9

Members greater than or equal to 7
7
8
9

Members smaller than 7
5
6

Members smaller than or equal to 7
5
6
7
## END

#### date comparison
[DateTime]'2001-11-12' -lt [DateTime]'2020-08-01'
## stdout: True

#### sorting order comparisons of strings
'a' -lt 'z'
'macOS' -ilt 'MacOS'
'MacOS' -ilt 'macOS'
'macOS' -clt 'MacOS'
## STDOUT:
True
False
False
True
## END

#### no keyboard symbol sorts after a letter
$a = ' ', '`', '~', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '-', '=',
   '{', '}', '[', ']', ':', ';', '"', '''', '\', '|', '/', '?', '.', '>', ',', '<'
($a -gt 'a').Count
## stdout: 0

#### like and notlike with wildcards
"PowerShell" -like "Power?hell"
"PowerShell" -notlike "Power?hell"
"PowerShell" -like "Power[p-w]hell"
"PowerShell" -notlike "Power[p-w]hell"
## STDOUT:
True
False
True
False
## END

#### notlike filters collection
"PowerShell", "Server" -notlike "*shell"
## stdout: Server

#### like returns collection members as strings
(1, 12, 21 -like '1*') -join ','
(1, 12 -like '1*')[0].GetType().Name
## STDOUT:
1,12
String
## END

#### match is a partial match while like is whole
"PowerShell" -match 'shell'
"PowerShell" -like 'shell'
'bag' -notmatch 'b[iou]g'
## STDOUT:
True
False
True
## END

#### match filters collections
"PowerShell", "Super PowerShell", "Power's hell" -match '^Power\w+'
"Rhell", "Chell", "Mel", "Smell", "Shell" -match "hell"
## STDOUT:
PowerShell
Rhell
Chell
Shell
## END

#### match and notmatch with character class on collection
"Bag", "Beg", "Big", "Bog", "Bug" -match 'b[iou]g'
"Bag", "Beg", "Big", "Bog", "Bug" -notmatch 'b[iou]g'
## STDOUT:
Big
Bog
Bug
Bag
Beg
## END

#### Matches with named groups and backslash
$string = 'The last logged on user was CONTOSO\jsmith'
$string -match 'was (?<domain>.+)\\(?<user>.+)'
$Matches.domain
$Matches.user
$Matches[0]
## STDOUT:
True
CONTOSO
jsmith
was CONTOSO\jsmith
## END

#### Matches contains only the first occurrence
$null = 'a1 b2 c3' -match '\w\d'
$Matches[0]
## stdout: a1

#### replace converts non-string left operand invariantly
1.2 -replace ','
## stdout: 1.2

#### replace with named groups and dash in class
$SearchExp = '^(?<DomainName>[\w-.]+)\\(?<Username>[\w-.]+)$'
$ReplaceExp = '${Username}@${DomainName}'
'Contoso.local\John.Doe' -replace $SearchExp, $ReplaceExp
## stdout: John.Doe@Contoso.local

#### dollar one in double quotes is a PowerShell variable
$1 = 'Goodbye'
'Hello World' -replace '(\w+) \w+', "$1 Universe"
'Hello World' -replace '(\w+) \w+', '$1 Universe'
## STDOUT:
Goodbye Universe
Hello Universe
## END

#### dollar followed by space is literal in substitution
'5.72' -replace '(.+)', '$ $1'
## stdout: $ 5.72

#### replace applies to every collection element
"B1", "B2", "B3", "B4", "B5" -replace "B", 'a'
## STDOUT:
a1
a2
a3
a4
a5
## END

#### notcontains with array right side
"abc", "def" -notcontains "def"
"abc", "def", "ghi" -notcontains "abc", "def"
## STDOUT:
False
True
## END

#### contains with a variable
$DomainServers = "ContosoDC1", "ContosoDC2", "ContosoFileServer", "ContosoDNS",
                 "ContosoDHCP", "ContosoWSUS"
$thisComputer = "ContosoDC2"
$DomainServers -contains $thisComputer
$thisComputer -in $DomainServers
## STDOUT:
True
True
## END

#### contains compares array right side as a string
$a = "abc", "def"
"$a", "ghi" -contains $a
"abc def", "ghi" -contains $a
## STDOUT:
True
True
## END

#### in and notin with array left side
"def" -notin "abc", "def"
"abc", "def" -in "abc", "def", "ghi"
"abc", "def" -notin "abc", "def", "ghi"
## STDOUT:
False
False
True
## END

#### in compares array left side as a string
$a = "abc", "def"
$a -in "abc", "def", "ghi"
$a -in $a, "ghi"
$a -in "$a", "ghi"
$a -in "abc def", "ghi"
## STDOUT:
False
True
True
True
## END
