# about_Script_Blocks (PowerShell 7.5 docs) and language.md 4.

#### invoke script block with call operator
$sb = { "hi" }
& $sb
## stdout: hi

#### invoke script block method
$sb = { "hi" }
$sb.Invoke()
## stdout: hi

#### script block with param block
$sb = { param($x) $x * 2 }
& $sb 4
## stdout: 8

#### script block with named argument
$sb = { param($x, $y) "$x-$y" }
& $sb -y 2 -x 1
## stdout: 1-2

#### script block args
& { $args[0] + $args[1] } 2 3
## stdout: 5

#### script block args count when none
& { $args.Count }
## stdout: 0

#### invoke method with arguments
$sb = { param($a, $b) $a * $b }
$sb.Invoke(3, 4)
## stdout: 12

#### script block type name
{ 1 }.GetType().Name
## stdout: ScriptBlock

#### script block to string is its text
$sb = { 1 + 1 }
"[$sb]"
$sb.ToString()
## STDOUT:
[ 1 + 1 ]
 1 + 1 
## END

#### script block displays as its text
{ Write-Output 'x' }
## stdout:  Write-Output 'x' 

#### call operator runs in child scope
& { $inner = 5 }
$null -eq $inner
## stdout: True

#### dot sourcing runs in current scope
. { $dotted = 5 }
$dotted
## stdout: 5

#### script block sees caller variables
$x = 'outer'
& { "x is $x" }
## stdout: x is outer

#### assignment in child scope does not change parent
$x = 1
& { $x = 2 }
$x
## stdout: 1

#### GetNewClosure captures value
$x = 1
$c = { $x }.GetNewClosure()
$x = 2
& $c
## stdout: 1

#### script block without closure sees current value
$x = 1
$c = { $x }
$x = 2
& $c
## stdout: 2

#### process block in script block
1, 2, 3 | & { process { $_ * 10 } }
## STDOUT:
10
20
30
## END

#### begin and end blocks in script block
1, 2 | & { begin { 'b' } process { $_ } end { 'e' } }
## STDOUT:
b
1
2
e
## END

#### input automatic variable in script block
1, 2, 3 | & { $input }
## STDOUT:
1
2
3
## END

#### input is consumed once
1, 2 | & { @($input).Count; @($input).Count }
## STDOUT:
2
0
## END

#### script block as value in a variable and array
$blocks = { 'a' }, { 'b' }
foreach ($b in $blocks) { & $b }
## STDOUT:
a
b
## END

#### Invoke-Command with script block
Invoke-Command -ScriptBlock { 'from invoke' }
## stdout: from invoke

#### Invoke-Command with ArgumentList
Invoke-Command -ScriptBlock { param($p) "p=$p" } -ArgumentList 'v'
## stdout: p=v

#### script block returns multiple values
$r = & { 1; 2; 3 }
$r.Count
## stdout: 3

#### return in script block
& { 'a'; return 'b'; 'c' }
## STDOUT:
a
b
## END

#### typed param in script block
& { param([int]$n) $n.GetType().Name } '7'
## stdout: Int32

#### script block with default parameter value
& { param($n = 'dflt') $n }
## stdout: dflt

#### script block stored in hashtable
$h = @{ Run = { 'ran' } }
& $h.Run
## stdout: ran

#### script block invoke returns collection
$sb = { 1 }
$r = $sb.Invoke()
$r.Count
## stdout: 1

#### Where-Object with script block
1..6 | Where-Object { $_ % 3 -eq 0 }
## STDOUT:
3
6
## END

#### dollar underscore in nested pipeline
1, 2 | ForEach-Object { $outer = $_; 'a', 'b' | ForEach-Object { "$outer$_" } }
## STDOUT:
1a
1b
2a
2b
## END

#### script block parameter in function
function Invoke-Twice([scriptblock]$Action) { & $Action; & $Action }
Invoke-Twice { 'x' }
## STDOUT:
x
x
## END

#### InvokeReturnAsIs returns single value
$sb = { 5 }
$sb.InvokeReturnAsIs().GetType().Name
## stdout: Int32

#### create script block from string
$sb = [scriptblock]::Create('1 + 2')
& $sb
## stdout: 3

#### Invoke-Command binds ArgumentList by position
Invoke-Command -ScriptBlock { param($p1, $p2)
"p1: $p1"
"p2: $p2"
} -ArgumentList "First", "Second"
## STDOUT:
p1: First
p2: Second
## END

#### call operator with named parameters on a script block
$a ={ param($p1, $p2)
"p1: $p1"
"p2: $p2"
}
&$a -p2 "First" -p1 "Second"
## STDOUT:
p1: Second
p2: First
## END

#### store script block output in a variable
$a = { 1 + 1}
$b = &$a
$b
$c = Invoke-Command $a
$c
## STDOUT:
2
2
## END

#### delay-bind script block on a pipeline parameter
function Show-Name {
    param(
        [Parameter(ValueFromPipeline)][string]$InputObject,
        [Parameter(ValueFromPipelineByPropertyName)][string]$NewName
    )
    process { "$InputObject -> $NewName" }
}
'config.log' | Show-Name -NewName { "old_$_" }
## stdout: config.log -> old_config.log

#### delay-bind script block without input is an error
function Show-Name {
    param(
        [Parameter(ValueFromPipelineByPropertyName)][string]$NewName
    )
    "$NewName"
}
try { Show-Name -NewName { $_.Name + ".old" } } catch { $_.FullyQualifiedErrorId -like 'ScriptBlockArgumentNoInput*' }
## stdout: True
