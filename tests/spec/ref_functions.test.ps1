# about_Functions, about_Return (PowerShell 7.5 docs).

#### simple function
function Get-Greeting { "Hello" }
Get-Greeting
## stdout: Hello

#### function names are case insensitive
function Get-Greeting { "Hello" }
get-greeting
## stdout: Hello

#### function with parameters in parentheses
function Add-Numbers($a, $b) { $a + $b }
Add-Numbers 2 3
## stdout: 5

#### named arguments
function Add-Numbers($a, $b) { "$a-$b" }
Add-Numbers -b 2 -a 1
## stdout: 1-2

#### named argument with colon syntax
function Show-Value($Value) { "[$Value]" }
Show-Value -Value:42
## stdout: [42]

#### param block with default
function Get-Default { param($x = 10) $x }
Get-Default
Get-Default 3
## STDOUT:
10
3
## END

#### missing argument is null
function Show-Arg($a) { $null -eq $a }
Show-Arg
## stdout: True

#### args holds unbound arguments
function Get-Args { $args.Count }
Get-Args a b c
## stdout: 3

#### args indexing
function Get-Second { $args[1] }
Get-Second a b c
## stdout: b

#### args is empty array with no arguments
function Get-ArgCount { $args.Count }
Get-ArgCount
## stdout: 0

#### declared params plus args leftovers
function Show-Rest($first) { "$first|$args" }
Show-Rest 1 2 3
## stdout: 1|2 3

#### comma separated argument is one array argument
function Count-Args { $args.Count }
Count-Args a, b c
## stdout: 2

#### parameter name prefix
function Get-Name { param($ComputerName) $ComputerName }
Get-Name -Comp 'srv'
## stdout: srv

#### parameter names are case insensitive
function Get-Name { param($ComputerName) $ComputerName }
Get-Name -computername 'srv'
## stdout: srv

#### typed parameter converts argument
function Get-Type([int]$n) { $n.GetType().Name; $n + 1 }
Get-Type '5'
## STDOUT:
Int32
6
## END

#### string parameter converts number
function Get-Str([string]$s) { $s.GetType().Name }
Get-Str 42
## stdout: String

#### switch parameter
function Test-Flag { param([switch]$Force) "Force=$Force" }
Test-Flag
Test-Flag -Force
Test-Flag -Force:$false
## STDOUT:
Force=False
Force=True
Force=False
## END

#### switch parameter is SwitchParameter
function Test-Flag { param([switch]$Force) $Force.IsPresent }
Test-Flag -Force
## stdout: True

#### all output is returned
function Get-Three { 1; 2; 3 }
(Get-Three).Count
## stdout: 3

#### return exits early
function Get-First { return 1; 2 }
Get-First
## stdout: 1

#### output before return is kept
function Get-Both {
    $a = "Hello"
    $a
    return "World"
}
$r = Get-Both
$r.Count
$r -join ' '
## STDOUT:
2
Hello World
## END

#### return with no value
function Test-Return { 'before'; return; 'after' }
Test-Return
## stdout: before

#### return in pipeline function per item
function MultiplyEven {
    param($number)
    if ($number % 2) { return "$number is not even" }
    $number * 2
}
1..4 | ForEach-Object { MultiplyEven -Number $_ }
## STDOUT:
1 is not even
4
3 is not even
8
## END

#### return array is unrolled
function Get-Arr { return 1, 2 }
@(Get-Arr).Count
## stdout: 2

#### unary comma keeps array as one object
function Get-Arr { return , (1, 2) }
@(Get-Arr).Count
(Get-Arr).Count
## STDOUT:
1
2
## END

#### filter processes each item
filter Get-Double { $_ * 2 }
1, 2, 3 | Get-Double
## STDOUT:
2
4
6
## END

#### begin process end blocks
function Show-Blocks {
    begin { 'begin' }
    process { "process $_" }
    end { 'end' }
}
1, 2 | Show-Blocks
## STDOUT:
begin
process 1
process 2
end
## END

#### process block runs once without pipeline input
function Show-Process { process { 'process ran' } }
Show-Process
## stdout: process ran

#### input in end block has all pipeline input
function Get-Input { $input }
1, 2, 3 | Get-Input
## STDOUT:
1
2
3
## END

#### input count in end block
function Count-Input { @($input).Count }
'a', 'b' | Count-Input
## stdout: 2

#### recursive function
function Get-Factorial($n) { if ($n -le 1) { 1 } else { $n * (Get-Factorial ($n - 1)) } }
Get-Factorial 5
## stdout: 120

#### function variables are local
function Set-Local { $localOnly = 'inside' }
Set-Local
$null -eq $localOnly
## stdout: True

#### function sees caller variables
$outer = 'visible'
function Show-Outer { $outer }
Show-Outer
## stdout: visible

#### function can be redefined
function Get-V { 1 }
function Get-V { 2 }
Get-V
## stdout: 2

#### function defined later in script is not yet available
try { Get-Later } catch { 'not defined yet' }
function Get-Later { 'later' }
Get-Later
## STDOUT:
not defined yet
later
## END

#### function with parenthesized expression argument
function Show-It($x) { $x }
Show-It (2 + 3)
## stdout: 5

#### bare word argument is a string
function Show-Type($x) { $x.GetType().Name }
Show-Type hello
Show-Type 7
Show-Type 1.5
## STDOUT:
String
Int32
Double
## END

#### function called with method syntax passes an array
function Show-Count($x, $y) { "$($x.Count) $($null -eq $y)" }
Show-Count(1, 2)
## stdout: 2 True

#### nested function definition
function Outer {
    function Inner { 'inner' }
    Inner
}
Outer
## stdout: inner

#### script scope function definition
function script:Get-Scoped { 'scoped' }
Get-Scoped
## stdout: scoped

#### function drive
function Get-Thing { 'thing' }
& ${function:Get-Thing}
## stdout: thing

#### call function by name string
function Get-Thing { 'thing' }
$name = 'Get-Thing'
& $name
## stdout: thing

#### MyInvocation name inside function
function Get-MyName { $MyInvocation.MyCommand.Name }
Get-MyName
## stdout: Get-MyName

#### PSBoundParameters in simple function
function Show-Bound($a, $b) { $PSBoundParameters.Count; $PSBoundParameters.ContainsKey('b') }
Show-Bound -a 1
## STDOUT:
1
False
## END

#### default values are not in PSBoundParameters
function Show-Bound { param($a = 5) $PSBoundParameters.ContainsKey('a') }
Show-Bound
## stdout: False

#### default value can use earlier parameter
function Get-Pair { param($a, $b = $a * 2) "$a $b" }
Get-Pair 3
## stdout: 3 6

#### function returning nothing yields null in assignment
function Get-Nothing { }
$r = Get-Nothing
$null -eq $r
@(Get-Nothing).Count
## STDOUT:
True
0
## END

#### dot-sourced function call runs in caller scope
function Set-Here { $here = 'set' }
. Set-Here
$here
## stdout: set

#### array argument to simple string parameter is joined
function Show-Str([string]$s) { $s }
Show-Str (1, 2, 3)
## stdout: 1 2 3

#### parameters in parentheses with types
function Add-Numbers([int]$One, [int]$Two) {
    $One + $Two
}
Add-Numbers 1 '2' 
## stdout: 3

#### positional values land in args
function Get-Extension {
  $name = $args[0] + ".txt"
  $name
}
Get-Extension myTextFile
## stdout: myTextFile.txt

#### switch parameter with boolean values
function Switch-Item {
  param ([switch]$On)
  if ($On) { "Switch on" }
  else { "Switch off" }
}
Switch-Item -On
Switch-Item
Switch-Item -On:$true
Switch-Item -On:$false
## STDOUT:
Switch on
Switch off
Switch on
Switch off
## END

#### process block receives each pipeline value
function Get-Pipeline
{
  process {"The value is: $_"}
}

1, 2, 4 | Get-Pipeline
## STDOUT:
The value is: 1
The value is: 2
The value is: 4
## END

#### ExpectingInput distinguishes pipeline input
function Get-SumOfNumbers {
    param (
        [int[]]$Numbers
    )

    begin { $retValue = 0 }

    process {
        if ($MyInvocation.ExpectingInput) {
           "Pipeline input: $_"
           $retValue += $_
        } else {
           foreach ($n in $Numbers) {
               "Command line input: $n"
               $retValue += $n
           }
        }
    }

    end { "Sum = $retValue" }
}
1,2,3,4 | Get-SumOfNumbers
Get-SumOfNumbers 1,2,3,4
## STDOUT:
Pipeline input: 1
Pipeline input: 2
Pipeline input: 3
Pipeline input: 4
Sum = 10
Command line input: 1
Command line input: 2
Command line input: 3
Command line input: 4
Sum = 10
## END

#### input in begin and end blocks
function Get-PipelineBeginEnd {
    begin   { "Begin: The input is $input" }
    end     { "End:   The input is $input" }
}
1, 2, 4 | Get-PipelineBeginEnd
## STDOUT:
Begin: The input is 
End:   The input is 1 2 4
## END

#### input is empty in end when process block consumed it
function Get-PipelineInput
{
    process {"Processing:  $_ " }
    end     {"End:   The input is: $input" }
}
1, 2, 4 | Get-PipelineInput
## STDOUT:
Processing:  1 
Processing:  2 
Processing:  4 
End:   The input is: 
## END

#### clean block runs and its output is discarded
function Use-Clean {
    process { $_ }
    clean { 'discarded'; $script:cleaned = $true }
}
$script:cleaned = $false
1, 2 | Use-Clean
$cleaned
## STDOUT:
1
2
True
## END

#### clean block runs after a terminating error
function Use-Clean {
    process { throw 'fail' }
    clean { $script:cleaned = 'yes' }
}
try { 1 | Use-Clean } catch { "caught $_" }
$cleaned
## STDOUT:
caught fail
yes
## END

#### function in global scope via scope prefix
function Global:Get-GlobalThing { 'global thing' }
& { Get-GlobalThing }
## stdout: global thing
