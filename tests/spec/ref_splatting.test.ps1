# about_Splatting (PowerShell 7.5 docs) and language.md 3.

#### splat hashtable as named parameters
function Show-Params($a, $b) { "a=$a b=$b" }
$HashArguments = @{ a = 1; b = 2 }
Show-Params @HashArguments
## stdout: a=1 b=2

#### splat array as positional parameters
function Show-Params($a, $b) { "a=$a b=$b" }
$ArrayArguments = 'x', 'y'
Show-Params @ArrayArguments
## stdout: a=x b=y

#### splat hashtable to cmdlet
$p = @{ Object = 'a', 'b'; Separator = '-' }
Write-Host @p
## stdout: a-b

#### splat array to cmdlet
$arr = 'one', 'two'
Write-Output @arr
## STDOUT:
one
two
## END

#### splat combined with explicit parameter
function Show-Params($a, $b) { "a=$a b=$b" }
$h = @{ a = 1 }
Show-Params @h -b 2
## stdout: a=1 b=2

#### explicit parameter overrides splatted value
function Show-Params($a, $b) { "a=$a b=$b" }
$h = @{ a = 1; b = 2 }
Show-Params @h -b 5
Show-Params -b 6 @h
## STDOUT:
a=1 b=5
a=1 b=6
## END

#### splat switch parameter true
function Test-Sw { param([switch]$Force) "Force=$Force" }
$h = @{ Force = $true }
Test-Sw @h
## stdout: Force=True

#### splat switch parameter false
function Test-Sw { param([switch]$Force) "Force=$Force" }
$h = @{ Force = $false }
Test-Sw @h
## stdout: Force=False

#### multiple splats in one command
function Show-Three($a, $b, $c) { "$a$b$c" }
$x = @{ a = 1 }
$y = @{ b = 2; c = 3 }
Show-Three @x @y
## stdout: 123

#### splat ordered dictionary
function Show-Params($a, $b) { "a=$a b=$b" }
$h = [ordered]@{ b = 2; a = 1 }
Show-Params @h
## stdout: a=1 b=2

#### splat with parameter alias key
function Get-Computer { param([Alias('CN')]$ComputerName) $ComputerName }
$h = @{ CN = 'srv' }
Get-Computer @h
## stdout: srv

#### splat args to another function
function Get-Inner($a, $b) { "$a-$b" }
function Get-Outer { Get-Inner @args }
Get-Outer 1 2
## stdout: 1-2

#### splat args keeps named arguments
function Get-Inner($a, $b) { "$a-$b" }
function Get-Outer { Get-Inner @args }
Get-Outer -b 2 -a 1
## stdout: 1-2

#### splat PSBoundParameters
function Test2 { param($a, $b, $c) "a=$a b=$b c=$c" }
function Test1 { param($a, $b, $c) Test2 @PSBoundParameters }
Test1 -a 1 -c 3
## stdout: a=1 b= c=3

#### unknown splat key goes to args of simple function
function Show-Args($a) { "$args" }
$h = @{ a = 1; Blah = 'World' }
Show-Args @h
## stdout: -Blah: World

#### unknown splat key is an error for advanced function
function Get-Adv {
    [CmdletBinding()]
    param($a)
    $a
}
$h = @{ a = 1; Blah = 'x' }
try { Get-Adv @h } catch { 'unknown parameter' }
## stdout: unknown parameter

#### splat null passes nothing
function Count-Args { $args.Count }
$n = $null
Count-Args @n
## stdout: 0

#### splat empty array passes nothing
function Count-Args { $args.Count }
$e = @()
Count-Args @e
## stdout: 0

#### splat array element that is an array stays one argument
function Count-Args { $args.Count; $args[0].Count }
$arr = @(, (1, 2))
Count-Args @arr
## STDOUT:
1
2
## END

#### splat parameter prefix key
function Get-Name { param($ComputerName) $ComputerName }
$h = @{ Comp = 'pfx' }
Get-Name @h
## stdout: pfx

#### splat into script block
$sb = { param($x, $y) $x + $y }
$h = @{ x = 2; y = 3 }
& $sb @h
## stdout: 5

#### at sign array operator is not a splat
function Count-Args { $args.Count }
Count-Args @(1, 2)
## stdout: 1

#### splat with positional and explicit positional
function Show-Three($a, $b, $c) { "$a|$b|$c" }
$arr = 'x', 'y'
Show-Three @arr 'z'
## stdout: x|y|z

#### forward PSBoundParameters and individual values
function Test1 {
    param($a, $b, $c)
    "a = $a"
    "b = $b"
    "c = $c"
}
function Test2 {
    param($a, $b, $c)
    Test1 @PSBoundParameters
    Test1 -b $PSBoundParameters.b -c $PSBoundParameters.c
}
Test2 -a 1 -b 2 -c 3
## STDOUT:
a = 1
b = 2
c = 3
a = 
b = 2
c = 3
## END

#### jagged array splat keeps inner array as one argument
function Show-Args {
    "$($args.Count) argument(s) received"
    foreach ($a in $args) { "<$a>" }
}
$arguments = 1, (2, 3), 4
Show-Args @arguments
## STDOUT:
3 argument(s) received
<1>
<2 3>
<4>
## END

#### jagged array splat to native command is flattened
$arguments = 1, (2, 3), 4
/bin/sh -c 'echo $#' sh @arguments
## stdout: 4

#### ArgumentList binds array elements positionally
$array = 'Hello', 'World!'
Invoke-Command -ScriptBlock {
    param([string[]]$Words) $Words -join ' '
} -ArgumentList $array
## stdout: Hello

#### ArgumentList with wrapped array passes one object
$array = 'Hello', 'World!'
Invoke-Command -ScriptBlock {
    param([string[]]$Words) $Words -join ' '
} -ArgumentList (, $array)
## stdout: Hello World!

#### multiple splatted hashtables to a cmdlet
$a = @{
    Message = 'Hello', 'World!'
}
$b = @{
    Separator = '|'
}
Write-Host @a @b
## stdout: Hello|World!

#### splat position does not matter
$p = @{ Separator = '-' }
Write-Host 'a' 'b' @p
Write-Host @p 'c' 'd'
## STDOUT:
a-b
c-d
## END

#### args splatted more than once
function Get-MyCommand {
    param ([switch]$P, [switch]$C)
    if ($P) { Write-Output @args }
    if ($C) { Write-Output @args }
}
Get-MyCommand -P -C 'value'
## STDOUT:
value
value
## END
