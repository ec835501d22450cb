# about_Switch (PowerShell 7.5 docs) and language.md 2.1.

#### switch on a number
switch (3) {
    1 { "It is one." }
    2 { "It is two." }
    3 { "It is three." }
    4 { "It is four." }
}
## stdout: It is three.

#### switch runs every matching clause
switch (3) {
    1 { "It is one." }
    2 { "It is two." }
    3 { "It is three." }
    4 { "It is four." }
    3 { "Three again." }
}
## STDOUT:
It is three.
Three again.
## END

#### break stops the switch
switch (3) {
    1 { "It is one." }
    2 { "It is two." }
    3 { "It is three."; break }
    4 { "It is four." }
    3 { "Three again." }
}
## stdout: It is three.

#### switch over an array
switch (4, 2) {
    1 { "It is one." }
    2 { "It is two." }
    3 { "It is three." }
    4 { "It is four." }
    3 { "Three again." }
}
## STDOUT:
It is four.
It is two.
## END

#### break in array switch stops processing remaining items
switch (4, 2) {
    4 { "It is four."; break }
    2 { "It is two." }
}
## stdout: It is four.

#### continue moves to next item
switch (1, 2, 3) {
    2 { continue }
    default { "item $_" }
}
## STDOUT:
item 1
item 3
## END

#### default clause
switch (5) {
    1 { 'one' }
    default { 'other' }
}
## stdout: other

#### default not run when a clause matches
switch (1) {
    1 { 'one' }
    default { 'other' }
}
## stdout: one

#### string matching is case insensitive by default
switch ('a') {
    'A' { 'upper' }
}
## stdout: upper

#### casesensitive switch
switch -CaseSensitive ('a') {
    'A' { 'upper' }
    'a' { 'lower' }
}
## stdout: lower

#### wildcard switch
switch -Wildcard ('fourteen') {
    'four*' { "That's too many." }
    '*teen' { 'Teen.' }
    'x*' { 'no' }
}
## STDOUT:
That's too many.
Teen.
## END

#### regex switch with Matches
$target = 'https://bing.com'
switch -Regex ($target) {
    '^ftp\://.*$' { "$_ is an ftp address"; break }
    '^\w+@\w+\.com|edu|org$' { "$_ is an email address"; break }
    '^(http[s]?)\://.*$' { "$_ is a web address that uses $($Matches[1])"; break }
}
## stdout: https://bing.com is a web address that uses https

#### script block condition
switch ("Test") {
    { $_ -is [string] } { "Found a string" }
    "Test" { "This executes as well" }
}
## STDOUT:
Found a string
This executes as well
## END

#### script block condition with numbers
switch (7) {
    { $_ -lt 5 } { 'small' }
    { $_ -ge 5 } { 'big' }
}
## stdout: big

#### dollar underscore is the current item
switch (1, 2) {
    default { $_ * 10 }
}
## STDOUT:
10
20
## END

#### switch on string value against number clause
switch ("1") {
    1 { "one" }
}
## stdout: one

#### switch assigns to variable
$r = switch (2) { 1 { 'a' } 2 { 'b' } }
$r
## stdout: b

#### switch on empty array runs nothing
switch (@()) { default { 'x' } }
'done'
## stdout: done

#### later switch option wins
switch -Regex -Wildcard ('abc') {
    'a*' { 'wildcard' }
    '^a' { 'regex' }
}
## stdout: wildcard

#### exact switch does not use wildcards
switch -Exact ('a*') {
    'a*' { 'exact' }
    'abc' { 'no' }
}
## stdout: exact

#### switch with variable clause
$v = 'x'
switch ('x') {
    $v { 'matched var' }
}
## stdout: matched var

#### switch with expression clause
switch (4) {
    (2 + 2) { 'four' }
}
## stdout: four

#### switch on pipeline result
switch (1..3 | Where-Object { $_ -gt 1 }) {
    default { $_ }
}
## STDOUT:
2
3
## END

#### break inside switch inside loop exits only switch
foreach ($i in 1..3) {
    switch ($i) { 2 { break } }
    $i
}
## STDOUT:
1
2
3
## END

#### labeled break out of loop from switch
:outer foreach ($i in 1..3) {
    switch ($i) { 2 { break outer } }
    $i
}
## stdout: 1

#### switch regex case sensitive
switch -Regex -CaseSensitive ('ABC') {
    'abc' { 'lower' }
    'ABC' { 'upper' }
}
## stdout: upper

#### switch on null
switch ($null) {
    $null { 'null matched' }
}
## stdout: null matched

#### switch with semicolon separated clauses
switch (2) { 1 { 'a' }; 2 { 'b' } }
## stdout: b

#### switch enumerator variable
switch (1, 2, 3, 4) {
    1 { $null = $switch.MoveNext(); "after one comes $($switch.Current)" }
    default { "item $_" }
}
## STDOUT:
after one comes 2
item 3
item 4
## END

#### switch bare word clause
switch ('apple') {
    apple { 'fruit' }
}
## stdout: fruit

#### break applies to the whole collection
switch (4, 2) {
    1 { "It is one."; Break }
    2 { "It is two." ; Break }
    3 { "It is three." ; Break }
    4 { "It is four." ; Break }
    3 { "Three again." }
}
## stdout: It is four.

#### switch on type with script block conditions
$var = [ordered]@{ A = 10; B = 'abc' }
foreach ($key in $var.Keys) {
    switch ($var[$key].GetType()) {
        { $_ -eq [int32] } { "$key + 10 = $($var[$key] + 10)" }
        { $_ -eq [string] } { "$key = $($var[$key])" }
    }
}
## STDOUT:
A + 10 = 20
B = abc
## END

#### switch coerces hashtable to string
$test = @{
    Test  = 'test'
    Test2 = 'test2'
}
$test.ToString()
switch -Exact ($test) {
    'System.Collections.Hashtable' {
        'Hashtable string coercion'
    }
    'test' {
        'Hashtable value'
    }
}
## STDOUT:
System.Collections.Hashtable
Hashtable string coercion
## END

#### no matching case gives no output
switch ("fourteen") {
    1 { "It is one."; Break }
    2 { "It is two."; Break }
    3 { "It is three."; Break }
    4 { "It is four."; Break }
    "fo*" { "That's too many." }
}
'end'
## stdout: end

#### default clause when nothing matches
switch ("fourteen") {
    1 { "It is one."; Break }
    2 { "It is two."; Break }
    3 { "It is three."; Break }
    4 { "It is four."; Break }
    "fo*" { "That's too many." }
    Default {
        "No matches"
    }
}
## stdout: No matches

#### wildcard parameter makes the pattern match
switch -Wildcard ("fourteen") {
    1 { "It is one."; Break }
    2 { "It is two."; Break }
    3 { "It is three."; Break }
    4 { "It is four."; Break }
    "fo*" { "That's too many." }
}
## stdout: That's too many.

#### dollar underscore in action block
switch ("Test") {
    { $_ -is [String] } {
        "Found a string"
    }
    "Test" {
        "This $_ executes as well"
    }
}
## STDOUT:
Found a string
This Test executes as well
## END

#### continue and break in script block conditions
switch (1, 4, -1, 3, "Hello", 2, 1) {
    { $_ -lt 0 } { continue }
    { $_ -isnot [Int32] } { break }
    { $_ % 2 } {
        "$_ is Odd"
    }
    { -not ($_ % 2) } {
        "$_ is Even"
    }
}
## STDOUT:
1 is Odd
4 is Even
3 is Odd
## END

#### switch File reads lines
$f = "/tmp/psmini-spectests-$PID-switch.txt"
Set-Content -Path $f -Value 'alpha', 'beta', 'gamma'
switch -Wildcard -File $f {
    'b*' { "b-line $_" }
    'g*' { "g-line $_" }
}
Remove-Item $f
## STDOUT:
b-line beta
g-line gamma
## END

#### switch with only default
switch (1, 2) { default { "d$_" } }
## STDOUT:
d1
d2
## END
