# about_Parsing, about_Special_Characters, about_Comments, about_Command_Syntax (PowerShell 7.5 docs) and language.md 1.

#### expression mode arithmetic
2+2
## stdout: 4

#### argument mode passes text
Write-Output 2+2
## stdout: 2+2

#### parentheses force expression in argument
Write-Output (2+2)
## stdout: 4

#### variable then expression
$a = 2+2
$a
## stdout: 4

#### variable followed by operator text in argument is one string
$a = 4
Write-Output $a+2
## stdout: 4+2

#### string at statement start is an expression
"text"
'text2'
## STDOUT:
text
text2
## END

#### number argument type
(Write-Output 7).GetType().Name
## stdout: Int32

#### bare word argument type
(Write-Output 7a).GetType().Name
## stdout: String

#### quoted parts embedded in bare word are concatenated
$a = 4
Write-Output a'$a'
Write-Output a"$a"
## STDOUT:
a$a
a4
## END

#### subexpression after literal text in argument
Write-Output a$(2)
## stdout: a2

#### double dash ends parameters
Write-Output -- -InputObject
## stdout: -InputObject

#### comma builds array argument
(Write-Output a,b,c | Measure-Object).Count
## stdout: 3

#### multiple arguments
Write-Output 'a' "b" c
## STDOUT:
a
b
c
## END

#### backtick escapes comma in argument
Write-Output a`,b
## stdout: a,b

#### backtick escapes space in argument
Write-Output a` b
## stdout: a b

#### hash inside word is not a comment
Write-Output a#b
## stdout: a#b

#### hash at token start starts a comment
Write-Output x #comment
## stdout: x

#### line comment
1 # comment here
## stdout: 1

#### block comment
<# block
comment #> 2
## stdout: 2

#### block comment inline
3 + <# inline #> 4
## stdout: 7

#### semicolon separates statements
1; 2
## STDOUT:
1
2
## END

#### backtick line continuation
Write-Output `
    'continued'
## stdout: continued

#### newline after binary operator continues
$x = 1 +
    2
$x
## stdout: 3

#### newline after comma continues array
$a = 1,
    2,
    3
$a.Count
## stdout: 3

#### newline after pipe continues pipeline
1, 2 |
    ForEach-Object { $_ }
## STDOUT:
1
2
## END

#### newline before binary operator ends statement
$x = 1
+ 2
## stdout: 2

#### keywords are case insensitive
IF ($true) { 'upper if' } ELSE { 'no' }
## stdout: upper if

#### variable names with scope in argument
$global:ga = 'G'
Write-Output $global:ga
## stdout: G

#### member access in argument
$s = 'abc'
Write-Output $s.Length
## stdout: 3

#### index access in argument
$arr = 'x', 'y'
Write-Output $arr[1]
## stdout: y

#### parameter with colon value
function Show-V($Value) { $Value }
Show-V -Value:'colon'
## stdout: colon

#### quoted dash string is an argument not a parameter
function Show-Args { $args[0] }
Show-Args '-notparam'
## stdout: -notparam

#### negative number argument
function Show-Arg($x) { $x }
Show-Arg -5
## stdout: -5

#### script block argument
function Invoke-It($sb) { & $sb }
Invoke-It { 'from block' }
## stdout: from block

#### hashtable argument
function Show-H($h) { $h.k }
Show-H @{ k = 'hv' }
## stdout: hv

#### call operator with string command name
& 'Write-Output' 'called'
## stdout: called

#### call operator with variable
$cmd = 'Write-Output'
& $cmd 'via var'
## stdout: via var

#### command names are case insensitive
write-output 'lower'
WRITE-OUTPUT 'upper'
## STDOUT:
lower
upper
## END

#### alias resolution
echo 'via alias'
## stdout: via alias

#### Set-Alias
function Get-Original { 'original' }
Set-Alias -Name go1 -Value Get-Original
go1
## stdout: original

#### command with parameter abbreviation for cmdlet
Write-Output -Input 'abbrev'
## stdout: abbrev

#### dot sourcing script file
$f = "/tmp/psmini-spectests-$PID-dot.ps1"
Set-Content -Path $f -Value '$fromFile = "dot sourced"'
. $f
$fromFile
Remove-Item $f
## stdout: dot sourced

#### running script file with call operator
$f = "/tmp/psmini-spectests-$PID-call.ps1"
Set-Content -Path $f -Value 'param($p) "script got $p"'
& $f 'arg'
Remove-Item $f
## stdout: script got arg

#### script file args when no param block
$f = "/tmp/psmini-spectests-$PID-args.ps1"
Set-Content -Path $f -Value '$args.Count'
& $f a b c
Remove-Item $f
## stdout: 3

#### script file runs in child scope
$f = "/tmp/psmini-spectests-$PID-scope.ps1"
Set-Content -Path $f -Value '$inScript = 1'
& $f
$null -eq $inScript
Remove-Item $f
## stdout: True

#### native command output lines
/bin/echo hello world
## stdout: hello world

#### native command arguments are separate
/bin/sh -c 'echo $#' sh a 'b c'
## stdout: 2

#### native command output captured as strings
$r = /bin/sh -c 'echo one; echo two'
$r.Count
$r[1]
## STDOUT:
2
two
## END

#### native command array argument expands
$list = 'x', 'y'
/bin/echo $list
## stdout: x y

#### end of parameters token with expression after it
$env:SPEC_ARCH = 'AMD64'
Write-Output -- -InputObject $env:SPEC_ARCH
## STDOUT:
-InputObject
AMD64
## END

#### double dash is passed to native commands
/bin/sh -c 'printf "<%s>\n" "$@"' sh -a -b -- -c
## STDOUT:
<-a>
<-b>
<-->
<-c>
## END

#### empty string arguments to native commands are preserved
/bin/sh -c 'echo $#' sh '' a b ''
## stdout: 4

#### embedded quotes in native arguments are preserved
$a = 'a" "b'
/bin/sh -c 'printf "<%s>\n" "$@"' sh $a 'c" "d' e" "f
## STDOUT:
<a" "b>
<c" "d>
<e f>
## END

#### unicode dashes act as dash
Write-Output –InputObject 'endash'
## stdout: endash

#### labels before loops
:myLabel while ($true) { break myLabel }
'after'
## stdout: after

#### here-string with embedded quotes in argument position
Write-Output @'
it's "quoted"
'@
## stdout: it's "quoted"

#### tilde in path argument
(Resolve-Path ~).Path -eq $HOME
## stdout: True
