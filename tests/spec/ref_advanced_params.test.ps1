# about_Functions_Advanced_Parameters, about_Functions_CmdletBindingAttribute (PowerShell 7.5 docs).

#### cmdletbinding function binds named parameter
function Get-Thing {
    [CmdletBinding()]
    param($Name)
    "Name=$Name"
}
Get-Thing -Name 'x'
## stdout: Name=x

#### advanced function positional binding in declaration order
function Get-Pair {
    [CmdletBinding()]
    param($First, $Second)
    "$First/$Second"
}
Get-Pair a b
## stdout: a/b

#### mandatory parameter supplied
function Get-Req {
    param([Parameter(Mandatory)]$Value)
    "got $Value"
}
Get-Req -Value 5
## stdout: got 5

#### explicit position
function Get-Pos {
    param(
        [Parameter(Position = 1)]$B,
        [Parameter(Position = 0)]$A
    )
    "A=$A B=$B"
}
Get-Pos one two
## stdout: A=one B=two

#### value from pipeline
function Get-Doubled {
    param([Parameter(ValueFromPipeline)]$InputObject)
    process { $InputObject * 2 }
}
1, 2, 3 | Get-Doubled
## STDOUT:
2
4
6
## END

#### value from pipeline by property name
function Get-ByName {
    param([Parameter(ValueFromPipelineByPropertyName)]$Name)
    process { "Name is $Name" }
}
[pscustomobject]@{ Name = 'alpha' }, [pscustomobject]@{ Name = 'beta' } | Get-ByName
## STDOUT:
Name is alpha
Name is beta
## END

#### value from remaining arguments
function Get-Rest {
    param($First, [Parameter(ValueFromRemainingArguments)]$Rest)
    "$First;$($Rest -join ',')"
}
Get-Rest a b c d
## stdout: a;b,c,d

#### alias attribute
function Get-Computer {
    param([Alias('CN', 'MachineName')]$ComputerName)
    $ComputerName
}
Get-Computer -CN srv1
Get-Computer -MachineName srv2
## STDOUT:
srv1
srv2
## END

#### ValidateSet accepts listed value
function Set-Color {
    param([ValidateSet('Red', 'Green')]$Color)
    "color $Color"
}
Set-Color Green
## stdout: color Green

#### ValidateSet rejects other value
function Set-Color {
    param([ValidateSet('Red', 'Green')]$Color)
    "color $Color"
}
try { Set-Color Blue } catch { 'rejected' }
## stdout: rejected

#### ValidateRange
function Set-Age {
    param([ValidateRange(0, 120)][int]$Age)
    "age $Age"
}
Set-Age 30
try { Set-Age 200 } catch { 'out of range' }
## STDOUT:
age 30
out of range
## END

#### ValidateNotNullOrEmpty
function Set-Name {
    param([ValidateNotNullOrEmpty()]$Name)
    "name $Name"
}
try { Set-Name '' } catch { 'empty rejected' }
## stdout: empty rejected

#### ValidatePattern
function Set-Code {
    param([ValidatePattern('^\d{3}$')]$Code)
    "code $Code"
}
Set-Code '123'
try { Set-Code 'abc' } catch { 'bad pattern' }
## STDOUT:
code 123
bad pattern
## END

#### ValidateScript
function Set-Even {
    param([ValidateScript({ $_ % 2 -eq 0 })]$N)
    "even $N"
}
Set-Even 4
try { Set-Even 3 } catch { 'not even' }
## STDOUT:
even 4
not even
## END

#### ValidateCount
function Set-List {
    param([ValidateCount(1, 2)][string[]]$Items)
    $Items.Count
}
Set-List a, b
try { Set-List a, b, c } catch { 'too many' }
## STDOUT:
2
too many
## END

#### ValidateLength
function Set-Short {
    param([ValidateLength(1, 3)]$S)
    $S
}
Set-Short 'abc'
try { Set-Short 'abcd' } catch { 'too long' }
## STDOUT:
abc
too long
## END

#### parameter binding error does not stop the script
function Set-Color {
    param([ValidateSet('Red')]$Color)
}
Set-Color Blue
'after'
## stdout: after

#### advanced function rejects extra arguments
function Get-One {
    [CmdletBinding()]
    param($A)
    $A
}
try { Get-One 1 2 } catch { 'extra rejected' }
## stdout: extra rejected

#### advanced function accepts common parameters
function Get-Quiet {
    [CmdletBinding()]
    param()
    Write-Verbose 'verbose text'
    'done'
}
Get-Quiet -Verbose 4>$null
## stdout: done

#### verbose common parameter enables Write-Verbose
function Get-Loud {
    [CmdletBinding()]
    param()
    Write-Verbose 'verbose text'
}
$v = Get-Loud -Verbose 4>&1
$v.Message
## stdout: verbose text

#### ErrorAction Stop common parameter
function Get-Err {
    [CmdletBinding()]
    param()
    Write-Error 'failed here'
    'not reached'
}
try { Get-Err -ErrorAction Stop } catch { "caught: $_" }
## stdout: caught: failed here

#### typed array parameter
function Get-Sum {
    param([int[]]$Numbers)
    ($Numbers | Measure-Object -Sum).Sum
}
Get-Sum 1, 2, 3
## stdout: 6

#### typed array parameter wraps a scalar
function Get-Kind {
    param([string[]]$Names)
    $Names.GetType().Name
    $Names.Count
}
Get-Kind 'one'
## STDOUT:
String[]
1
## END

#### parameter with default and type
function Get-Def {
    param([int]$Count = 3)
    $Count * 2
}
Get-Def
Get-Def -Count 5
## STDOUT:
6
10
## END

#### switch parameter in advanced function
function Get-Sw {
    [CmdletBinding()]
    param([switch]$Loud)
    if ($Loud) { 'LOUD' } else { 'quiet' }
}
Get-Sw -Loud
## stdout: LOUD

#### PSBoundParameters keys
function Show-Keys {
    [CmdletBinding()]
    param($A, $B, $C)
    ($PSBoundParameters.Keys | Sort-Object) -join ','
}
Show-Keys -C 3 -A 1
## stdout: A,C

#### PSBoundParameters values
function Show-Val {
    param($Name)
    $PSBoundParameters['Name']
}
Show-Val -Name 'bound'
## stdout: bound

#### parameter set name
function Get-Set {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName')]$Name,
        [Parameter(ParameterSetName = 'ById')]$Id
    )
    $PSCmdlet.ParameterSetName
}
Get-Set -Id 3
Get-Set -Name x
## STDOUT:
ById
ByName
## END

#### pipeline input with begin process end in advanced function
function Measure-Items {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$Item)
    begin { $n = 0 }
    process { $n++ }
    end { "count $n" }
}
'a', 'b', 'c' | Measure-Items
## stdout: count 3

#### AllowNull on mandatory parameter
function Get-N {
    param([Parameter(Mandatory)][AllowNull()]$Value)
    $null -eq $Value
}
Get-N -Value $null
## stdout: True

#### AllowEmptyString on mandatory parameter
function Get-E {
    param([Parameter(Mandatory)][AllowEmptyString()][string]$Value)
    "[$Value]"
}
Get-E -Value ''
## stdout: []

#### parameter name starting with a dash argument via double dash
function Show-Arg {
    param($Value)
    $Value
}
Show-Arg -- -notaparam
## stdout: -notaparam
