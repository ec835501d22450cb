# 2026-11-24: the binder's rules through real cmdlets and script functions.
function Get-Thing {
    [CmdletBinding()]
    param([string]$Name, [int]$Count = 2, [switch]$Force, [string[]]$Tags)
    "Name=$Name Count=$Count Force=$Force Tags=$($Tags -join '+') [$($PSBoundParameters.Keys -join ',')]"
}

'-- prefix matching, -Name:value, -Force:$false, a,b,c arrays'
Get-Thing -Na x -Co 5
Get-Thing -Name:y -Force:$false
Get-Thing -Force -Tags a, b, c
Get-Thing z 7
Write-Host -Obj a, b -Sep '|'

'-- typed parameters convert; defaults are evaluated when unbound'
function Get-Typed { param([int]$N, [string[]]$S, $D = (1 + 1)) "$($N.GetType().Name) $($S.GetType().Name) $D" }
Get-Typed '42' x
function Get-Sw { param([switch]$On) "$($On.IsPresent) $([bool]$On) $($On -eq $true)" }
Get-Sw -On
Get-Sw

'-- splatting: a hashtable (explicit arguments win) and an array'
$h = @{ Name = 'splat'; Count = 9 }
Get-Thing @h -Count 1
$a = 'pos', 3
Get-Thing @a
function Get-Outer { Get-Thing @args }
Get-Outer -Count 4 -Name fwd

'-- ValueFromRemainingArguments and a simple function''s $args'
function Get-Rest { param($First, [Parameter(ValueFromRemainingArguments)]$Rest) "$First;$($Rest -join ',')" }
Get-Rest a b c
function Get-Args($One) { "one=$One args=$($args -join ',')" }
Get-Args 1 2 -x 3

'-- pipeline binding by value and by property name, per object'
function Get-Pipe {
    param(
        [Parameter(ValueFromPipeline)][int]$Number,
        [Parameter(ValueFromPipelineByPropertyName)][string]$Name
    )
    process { "Number=$Number Name=$Name Expecting=$($MyInvocation.ExpectingInput)" }
}
1, '2' | Get-Pipe
[pscustomobject]@{ Name = 'alpha' }, [pscustomobject]@{ Name = 'beta' } | Get-Pipe
Get-Pipe -Number 5

'-- parameter sets: the default set, then the set the arguments choose'
function Get-Set {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)]$Name,
        [Parameter(ParameterSetName = 'ById', Mandatory)][int]$Id
    )
    $PSCmdlet.ParameterSetName
}
Get-Set
Get-Set x
Get-Set -Id 3

'-- delay-bind script block, -PipelineVariable'
function Show-Name {
    param([Parameter(ValueFromPipeline)][string]$InputObject, [Parameter(ValueFromPipelineByPropertyName)][string]$NewName)
    process { "$InputObject -> $NewName" }
}
'a.log', 'b.log' | Show-Name -NewName { "old_$_" }
1, 2 | ForEach-Object -PipelineVariable pv { $_ * 10 } | ForEach-Object { "$pv->$_" }

'-- a cmdlet binds each pipeline object: [string[]] Path by value'
'/tmp' | Split-Path -Leaf
