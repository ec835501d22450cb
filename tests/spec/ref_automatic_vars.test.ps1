# about_Automatic_Variables, about_Preference_Variables (PowerShell 7.5 docs) and language.md 7.

#### true false null
$true
$false
$null -eq $null
## STDOUT:
True
False
True
## END

#### question mark after success
Write-Output 'x' | Out-Null
$?
## stdout: True

#### question mark after error
Write-Error 'e' -ErrorAction SilentlyContinue
$?
## stdout: False

#### Matches after match
$null = 'abc' -match 'b(c)'
$Matches[0]
$Matches[1]
## STDOUT:
bc
c
## END

#### PSItem is the same as dollar underscore
1, 2 | ForEach-Object { $PSItem * 3 }
## STDOUT:
3
6
## END

#### args in script block
& { "$args" } a b
## stdout: a b

#### IsLinux IsWindows IsMacOS
$IsLinux
$IsWindows
$IsMacOS
## STDOUT:
True
False
False
## END

#### IsCoreCLR
$IsCoreCLR
## stdout: True

#### PSVersionTable major version
$PSVersionTable.PSVersion.Major
## stdout: 7

#### PSEdition
$PSEdition
$PSVersionTable.PSEdition
## STDOUT:
Core
Core
## END

#### HOME equals environment HOME
$HOME -eq $env:HOME
## stdout: True

#### PID is positive
$PID -gt 0
$PID.GetType().Name
## STDOUT:
True
Int32
## END

#### PWD matches Get-Location
$PWD.Path -eq (Get-Location).Path
## stdout: True

#### PSCommandPath is the script path
$PSCommandPath.EndsWith('.ps1')
## stdout: True

#### PSScriptRoot is parent of PSCommandPath
$PSScriptRoot -eq (Split-Path -Parent $PSCommandPath)
## stdout: True

#### LASTEXITCODE after native command
/bin/sh -c 'exit 3'
$LASTEXITCODE
## stdout: 3

#### question mark after failing native command
/bin/sh -c 'exit 1'
$?
/bin/sh -c 'exit 0'
$?
## STDOUT:
False
True
## END

#### MyInvocation in function
function Get-Inv { $MyInvocation.MyCommand.Name }
Get-Inv
## stdout: Get-Inv

#### input variable in function
function Get-Upper { foreach ($i in $input) { $i.ToUpper() } }
'a', 'b' | Get-Upper
## STDOUT:
A
B
## END

#### ErrorActionPreference default
$ErrorActionPreference
## stdout: Continue

#### WarningPreference default
$WarningPreference
## stdout: Continue

#### VerbosePreference default
$VerbosePreference
## stdout: SilentlyContinue

#### DebugPreference default
$DebugPreference
## stdout: SilentlyContinue

#### InformationPreference default
$InformationPreference
## stdout: SilentlyContinue

#### ConfirmPreference default
$ConfirmPreference
## stdout: High

#### WhatIfPreference default
$WhatIfPreference
## stdout: False

#### FormatEnumerationLimit default
$FormatEnumerationLimit
## stdout: 4

#### OFS is not set by default
$null -eq $OFS
## stdout: True

#### OFS changes array to string separator
$OFS = '-'
$a = 1, 2, 3
"$a"
## stdout: 1-2-3

#### OFS affects string cast
$OFS = '+'
[string](1, 2)
## stdout: 1+2

#### ErrorActionPreference SilentlyContinue hides errors
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'hidden'
'after'
## stdout: after

#### WarningPreference SilentlyContinue hides warnings
$WarningPreference = 'SilentlyContinue'
$w = Write-Warning 'w' 3>&1
$null -eq $w
## stdout: True

#### VerbosePreference Continue shows verbose
$VerbosePreference = 'Continue'
$v = Write-Verbose 'now visible' 4>&1
$v.Message
## stdout: now visible

#### Error variable is newest first
Write-Error 'first' -ErrorAction SilentlyContinue
Write-Error 'second' -ErrorAction SilentlyContinue
"$($Error[0])"
"$($Error[1])"
## STDOUT:
second
first
## END

#### preference set in function affects only that scope
function Set-Pref { $ErrorActionPreference = 'Stop'; $ErrorActionPreference }
Set-Pref
$ErrorActionPreference
## STDOUT:
Stop
Continue
## END

#### true and false are constants
try { $true = 1 } catch { 'cannot overwrite' }
$true
## STDOUT:
cannot overwrite
True
## END

#### null assignment discards value
$null = 5
$null -eq $null
## stdout: True

#### foreach automatic variable current
foreach ($i in 'a', 'b') { $foreach.Current }
## STDOUT:
a
b
## END

#### env variable read and write
$env:PSMINI_SPEC_TEST = 'envvalue'
$env:PSMINI_SPEC_TEST
## stdout: envvalue

#### env variable missing is null
$null -eq $env:PSMINI_DOES_NOT_EXIST_123
## stdout: True

#### env variable braced form
${env:HOME} -eq $HOME
## stdout: True

#### ExecutionContext SessionState path
$ExecutionContext.SessionState.Path.CurrentLocation.Path -eq $PWD.Path
## stdout: True

#### PSHOME is set
[string]::IsNullOrEmpty($PSHOME)
## stdout: False

#### input variable in process block clears after access
function Test
{
    begin
    {
        $i = 0
    }

    process
    {
        "Iteration: $i"
        $i++
        "`tInput: $input"
        "`tAccess Again: $input"
        $input.Reset()
        "`tAfter Reset: $input"
    }
}

"one","two" | Test
## STDOUT:
Iteration: 0
	Input: one
	Access Again: 
	After Reset: one
Iteration: 1
	Input: two
	Access Again: 
	After Reset: two
## END

#### process block advances input even when unused
$skip = $true
function Skip
{
    begin
    {
        $i = 0
    }

    process
    {
        "Iteration: $i"
        $i++
        if ($skip)
        {
            "`tSkipping"
            $skip = $false
        }
        else
        {
            "`tInput: $input"
        }
    }
}

"one","two" | Skip
## STDOUT:
Iteration: 0
	Skipping
Iteration: 1
	Input: two
## END

#### input outside process block
Function All
{
    "All Values: $input"
    "Access Again: $input"
    $input.Reset()
    "After Reset: $input"
    $input.MoveNext() | Out-Null
    "After MoveNext: $input"
}

"one","two","three" | All
## STDOUT:
All Values: one two three
Access Again: 
After Reset: one two three
After MoveNext: 
## END

#### input Current property
function Current
{
    begin
    {
        $i = 0
    }

    process
    {
        "Iteration: $i"
        $i++
        "`tBefore MoveNext: $($input.Current)"
        $input.MoveNext() | Out-Null
        "`tAfter MoveNext: $($input.Current)"
        "`tAccess Again: $($input.Current)"
    }
}

"one","two" | Current
## STDOUT:
Iteration: 0
	Before MoveNext: 
	After MoveNext: one
	Access Again: one
Iteration: 1
	Before MoveNext: 
	After MoveNext: two
	Access Again: two
## END

#### foreach enumerator MoveNext skips an item
$i = 0
foreach ($num in ("one","two","three"))
{
    "Iteration: $i"
    $i++
    "`tNum: $num"
    "`tCurrent: $($foreach.Current)"

    if ($foreach.Current -eq "two")
    {
        "Before MoveNext (Current): $($foreach.Current)"
        $foreach.MoveNext() | Out-Null
        "After MoveNext (Current): $($foreach.Current)"
        "Num hasn't changed: $num"
    }
}
## STDOUT:
Iteration: 0
	Num: one
	Current: one
Iteration: 1
	Num: two
	Current: two
Before MoveNext (Current): two
After MoveNext (Current): three
Num hasn't changed: two
## END

#### foreach enumerator Reset restarts the loop
$stopLoop = 0
foreach ($num in ("one","two", "three"))
{
    ("`t" * $stopLoop) + "Current: $($foreach.Current)"

    if ($num -eq "two" -and $stopLoop -lt 2)
    {
        $foreach.Reset()
        ("`t" * $stopLoop) + "Reset Loop: $stopLoop"
        $stopLoop++
    }
}
## STDOUT:
Current: one
Current: two
Reset Loop: 0
	Current: one
	Current: two
	Reset Loop: 1
		Current: one
		Current: two
		Current: three
## END

#### switch enumerator MoveNext and Reset
$values = "Start", "MoveNext", "NotEvaluated", "Reset", "End"
$stopInfinite = $false
switch ($values)
{
    "MoveNext" {
        "`tMoveNext"
        $switch.MoveNext() | Out-Null
        "`tAfter MoveNext: $($switch.Current)"
    }
    # This case is never evaluated.
    "NotEvaluated" {
        "`tAfterMoveNext: $($switch.Current)"
    }

    "Reset" {
        if (!$stopInfinite)
        {
            "`tReset"
            $switch.Reset()
            $stopInfinite = $true
        }
    }

    default {
        "Default (Current): $($switch.Current)"
    }
}
## STDOUT:
Default (Current): Start
	MoveNext
	After MoveNext: NotEvaluated
	Reset
Default (Current): Start
	MoveNext
	After MoveNext: NotEvaluated
Default (Current): End
## END

#### OFS removed restores space separator
$array = 1, 2, 3
[string]$array
$OFS = "+"
[string]$array
Remove-Variable OFS
[string]$array
## STDOUT:
1 2 3
1+2+3
1 2 3
## END

#### FormatEnumerationLimit limits table cell items
$FormatEnumerationLimit = 2
[pscustomobject]@{ a = 1..10 }
## STDOUT:

a
-
{1, 2…}

## END

#### ErrorAction parameter overrides preference
$ErrorActionPreference = 'Stop'
Write-Error 'soft' -ErrorAction SilentlyContinue
'continued'
## stdout: continued
