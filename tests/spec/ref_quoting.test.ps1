# about_Quoting_Rules, about_Special_Characters (PowerShell 7.5 docs) and language.md 1.7.

#### double quotes expand variables
$i = 5
"The value of $i is $i."
## stdout: The value of 5 is 5.

#### single quotes are verbatim
$i = 5
'The value of $i is $i.'
## stdout: The value of $i is $i.

#### subexpression in double quotes
"The value of $(2+3) is 5."
## stdout: The value of 5 is 5.

#### backtick prevents expansion
$i = 5
"The value of `$i is $i."
## stdout: The value of $i is 5.

#### single quote inside double quotes
"Use a quotation mark (') to begin a string."
## stdout: Use a quotation mark (') to begin a string.

#### double quote inside single quotes
'Use a quotation mark (") to begin a string.'
## stdout: Use a quotation mark (") to begin a string.

#### doubled double quotes
"As they say, ""live and learn."""
## stdout: As they say, "live and learn."

#### doubled single quotes
'don''t'
## stdout: don't

#### backtick escaped double quote
"Use a quotation mark (`") to begin a string."
## stdout: Use a quotation mark (") to begin a string.

#### backtick is literal in single quotes
'a`nb'
## stdout: a`nb

#### only the variable name expands not member access
$a = 'string'
"$a.Length"
## stdout: string.Length

#### subexpression for member access
$a = 'string'
"$($a.Length)"
## stdout: 6

#### index is not part of variable in string
$a = 1, 2
"$a[0]"
"$($a[0])"
## STDOUT:
1 2[0]
1
## END

#### braced variable name in string
$i = 4
"${i}th"
## stdout: 4th

#### scoped variable in string
$global:gq = 'G'
"[$global:gq]"
## stdout: [G]

#### env variable in string
$env:QUOTE_TEST = 'E'
"env=$env:QUOTE_TEST"
## stdout: env=E

#### undefined variable expands to empty
"[$notDefinedAnywhere]"
## stdout: []

#### dollar sign without name is literal
"cost: $ 5"
"end $"
## STDOUT:
cost: $ 5
end $
## END

#### digit variable expands
"costs $5.00"
## stdout: costs .00

#### double quoted here-string expands
$name = 'World'
@"
Hello $name
Line two
"@
## STDOUT:
Hello World
Line two
## END

#### single quoted here-string is verbatim
@'
Hello $name
`n stays
'@
## STDOUT:
Hello $name
`n stays
## END

#### here-string quotes are literal
@"
For help, type "get-help"
"@
## stdout: For help, type "get-help"

#### here-string with subexpression
@"
Sum: $(1 + 2)
"@
## stdout: Sum: 3

#### empty here-string
$h = @"
"@
$h.Length
## stdout: 0

#### here-string does not include final newline
$h = @'
a
b
'@
$h.Length
## stdout: 3

#### expandable string with hashtable value
$h = @{ k = 'v' }
"value: $($h.k)"
## stdout: value: v

#### array in string uses space separator
$arr = 'a', 'b', 'c'
"items: $arr"
## stdout: items: a b c

#### nested arrays in string not expanded recursively
"$(1, (2, 3))"
## stdout: 1 System.Object[]

#### null elements become empty in string
"$(1, $null, 2)"
## stdout: 1  2

#### pscustomobject in string
$o = [pscustomobject]@{ Name = 'x'; Age = 3 }
"$o"
## stdout: @{Name=x; Age=3}

#### double in string uses invariant format
$d = 1.5
"d=$d"
## stdout: d=1.5

#### string concatenation
'a' + 'b' + "c"
## stdout: abc

#### subexpression with multiple statements
"$(1; 2)"
## stdout: 1 2

#### subexpression with quotes inside
"$("inner " + 'text')"
## stdout: inner text

#### newline escape
"a`nb"
## STDOUT:
a
b
## END

#### tab escape
"a`tb"
## stdout: a	b

#### escape sequences by code
[int][char]"`0"
[int][char]"`a"
[int][char]"`b"
[int][char]"`e"
[int][char]"`f"
[int][char]"`n"
[int][char]"`r"
[int][char]"`t"
[int][char]"`v"
## STDOUT:
0
7
8
27
12
10
13
9
11
## END

#### unicode escape
"`u{2195}"
## stdout: ↕

#### unicode escape above BMP is a surrogate pair
"`u{1F600}".Length
## stdout: 2

#### backtick before ordinary char is the char
"`q`z"
## stdout: qz

#### backtick escapes backtick
"a``b"
## stdout: a`b

#### backtick dollar in double quotes
"`$HOME"
## stdout: $HOME

#### format operator with string
'{0} and {1}' -f 'x', 'y'
## stdout: x and y

#### single quoted string with variable-like text
'$(1+1)'
## stdout: $(1+1)

#### expression string at statement start is output
"just a string"
## stdout: just a string

#### concatenation with number
"n" + 5
## stdout: n5

#### case of escape letters matters
"`N".Length
## stdout: 1

#### smart quotes act as quotes
‘single smart’
## stdout: single smart

#### braces separate a variable from a following colon
"${HOME}: where the heart is." -eq ($HOME + ': where the heart is.')
## stdout: True

#### variable followed by colon and space is a parse error
'before'
"$HOME: where the heart is."
## stdout-json: ""
## status: 1

#### single quoted subexpression is literal
'The value of $(2+3) is 5.'
## stdout: The value of $(2+3) is 5.

#### double quotes inside single quoted string
'As they say, "live and learn."'
"As they say, 'live and learn.'"
## STDOUT:
As they say, "live and learn."
As they say, 'live and learn.'
## END

#### backtick before quote in single quoted string stays
'Use a quotation mark (`") to begin a string.'
## stdout: Use a quotation mark (`") to begin a string.

#### here-string with both quote kinds
@"
Use a quotation mark, like ' or ", to begin a string.
"@
## stdout: Use a quotation mark, like ' or ", to begin a string.

#### multi-line single quoted here-string keeps variables literal
@'
The $profile variable contains the path
of your PowerShell profile.
'@
## STDOUT:
The $profile variable contains the path
of your PowerShell profile.
## END

#### double quoted here-string expands variable at end of line
$where = '/home/user/profile.ps1'
@"
Even if you have not created a profile,
the path of the profile file is:
$where.
"@
## STDOUT:
Even if you have not created a profile,
the path of the profile file is:
/home/user/profile.ps1.
## END

#### hashtable in expandable string uses ToString
"hashtable: $(@{ key = 'value' })"
## stdout: hashtable: System.Collections.Hashtable

#### expandable string uses invariant culture for numbers
$x = 1.2
"$x"
## stdout: 1.2

#### expandable string formats dates with invariant culture
"$(Get-Date 2024-03-19)"
## stdout: 03/19/2024 00:00:00

#### ordinary strings may span lines
$s = "line one
line two"
$s.Split("`n").Count
## stdout: 2

#### subexpression with member access in string
$o = [pscustomobject]@{ Version = '7.5' }
"version: $($o.Version)"
## stdout: version: 7.5
