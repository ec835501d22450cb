# about_Regular_Expressions (PowerShell 7.5 docs) and language.md 9.

#### literal match
'book' -match 'oo'
## stdout: True

#### character class
'big' -match 'b[iou]g'
## stdout: True

#### negated character class
'bag' -match 'b[^a]g'
## stdout: False

#### digit class
'42' -match '^\d+$'
'4x' -match '^\d+$'
## STDOUT:
True
False
## END

#### word class
'ab' -match '^\w{3}$'
'abc' -match '^\w{3}$'
## STDOUT:
False
True
## END

#### whitespace class
"a b" -match '\s'
## stdout: True

#### quantifiers
'aaa' -match '^a{2,3}$'
'aaaa' -match '^a{2,3}$'
## STDOUT:
True
False
## END

#### escape special character
'3.14' -match '^3\.14$'
'3x14' -match '^3\.14$'
## STDOUT:
True
False
## END

#### anchors
'hello world' -match '^world'
'hello world' -match 'world$'
## STDOUT:
False
True
## END

#### alternation
'cat' -match '^(cat|dog)$'
## stdout: True

#### Matches with numbered group
$null = 'John Smith' -match '(\w+) (\w+)'
$Matches[1]
$Matches[2]
## STDOUT:
John
Smith
## END

#### Matches with named group
$null = 'John Smith' -match '(?<first>\w+) (?<last>\w+)'
$Matches.first
$Matches['last']
## STDOUT:
John
Smith
## END

#### named groups numbered after unnamed
$null = 'ab' -match '(?<x>a)(b)'
$Matches[1]
$Matches.x
## STDOUT:
b
a
## END

#### non participating group absent from Matches
$null = 'a' -match '(a)|(b)'
$Matches.ContainsKey(1)
$Matches.ContainsKey(2)
## STDOUT:
True
False
## END

#### Matches count
$null = 'abc' -match '(a)(b)(c)'
$Matches.Count
## stdout: 4

#### match is case insensitive by default
'ABC' -match 'abc'
## stdout: True

#### inline case sensitive option
'ABC' -match '(?-i)abc'
## stdout: False

#### cmatch uses case
'ABC' -cmatch 'ABC'
'ABC' -cmatch 'abc'
## STDOUT:
True
False
## END

#### replace with whole match reference
'Hello' -replace 'l', '$&$&'
## stdout: Hellllo

#### replace with named group reference
'2024-01-15' -replace '(?<y>\d+)-(?<m>\d+)-(?<d>\d+)', '${d}/${m}/${y}'
## stdout: 15/01/2024

#### replace nonexistent group is literal
'abc' -replace '(b)', '$2'
## stdout: a$2c

#### replace group followed by digit with braces
'abc' -replace '(b)', '${1}0'
## stdout: ab0c

#### replace text before and after match
'abc' -replace 'b', '[$`]'
'abc' -replace 'b', "[`$']"
## STDOUT:
a[a]c
a[c]c
## END

#### replace with entire input reference
'ab' -replace 'b', '<$_>'
## stdout: a<ab>

#### replace empty matches
'abc' -replace '', '-'
## stdout: -a-b-c-

#### replace star pattern
'aaa' -replace 'a*', 'X'
## stdout: XX

#### replace in double quotes needs escaping
"abc" -replace '(b)', "[`$1]"
## stdout: a[b]c

#### replace with script block uses Match object
'a1b2' -replace '\d', { [int]$_.Value * 10 }
## stdout: a10b20

#### regex Escape
[regex]::Escape('3.\d{2,}')
## stdout: 3\.\\d\{2,}

#### regex Matches count
[regex]::Matches('a1b2c3', '\d').Count
## stdout: 3

#### regex Match value
([regex]'\d+').Match('ab123cd').Value
## stdout: 123

#### regex Match index
([regex]'\d+').Match('ab123cd').Index
## stdout: 2

#### regex Replace static
[regex]::Replace('aaa', 'a', 'b')
## stdout: bbb

#### regex IsMatch
[regex]::IsMatch('abc', '^a')
## stdout: True

#### regex Split static
[regex]::Split('a1b2c', '\d') -join ','
## stdout: a,b,c

#### regex groups from Match
$m = [regex]::Match('key=value', '(\w+)=(\w+)')
$m.Groups[1].Value
$m.Groups[2].Value
## STDOUT:
key
value
## END

#### lazy quantifier
$null = '<a><b>' -match '<(.+?)>'
$Matches[1]
## stdout: a

#### greedy quantifier
$null = '<a><b>' -match '<(.+)>'
$Matches[1]
## stdout: a><b

#### lookahead
'price: 100USD' -replace '\d+(?=USD)', 'N'
## stdout: price: NUSD

#### dash next to class escape is literal
'a-b' -match '^[\w-]+$'
## stdout: True

#### unicode escape in pattern
'é' -match '\u00e9'
## stdout: True

#### dot does not match newline by default
"a`nb" -match 'a.b'
"a`nb" -match '(?s)a.b'
## STDOUT:
False
True
## END

#### multiline option
"x`nabc" -match '^abc'
"x`nabc" -match '(?m)^abc'
## STDOUT:
False
True
## END

#### backreference in pattern
'abab' -match '^(ab)\1$'
## stdout: True

#### switch regex sets Matches per clause
switch -Regex ('id=42') {
    'id=(\d+)' { "id is $($Matches[1])" }
}
## stdout: id is 42

#### match on collection returns matching elements
'apple', 'banana', 'cherry' -match 'an'
## stdout: banana

#### notmatch on collection
'apple', 'banana', 'cherry' -notmatch 'an'
## STDOUT:
apple
cherry
## END

#### Select-String line property
('abc', 'xyz' | Select-String 'y').Line
## stdout: xyz

#### Select-String pattern count
('a1', 'b', 'c2' | Select-String '\d').Count
## stdout: 2

#### split with regex capture
'a1b2c' -split '(\d)'
## STDOUT:
a
1
b
2
c
## END

#### explicit capture option
$null = 'ab' -match '(?n)(a)(?<x>b)'
$Matches.ContainsKey(1)
$Matches.x
## STDOUT:
False
b
## END

#### atomic group
'aaa' -match '^(?>a+)a$'
## stdout: False

#### Unicode digit matches backslash d
'٣' -match '^\d$'
## stdout: True
