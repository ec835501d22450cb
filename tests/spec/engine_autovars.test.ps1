# Automatic variables (2026-11-24, issue 3: engine).

#### PSVersionTable basics
$PSVersionTable.PSVersion.Major
"$($PSVersionTable.PSVersion)"
$PSVersionTable.PSEdition
$PSVersionTable.Platform
## STDOUT:
7
7.5.0
Core
Unix
## END

#### platform flags
"$IsLinux $IsWindows $IsMacOS $IsCoreCLR"
## stdout: True False False True

#### PWD has a Path and prints as it
$PWD.Path -eq "$PWD"
## stdout: True

#### env read write and remove
$env:PSMINI_T1 = 'abc'
$env:PSMINI_T1
$env:PSMINI_T1 = $null
$null -eq $env:PSMINI_T1
## STDOUT:
abc
True
## END

#### env is case-sensitive on Linux
$env:PSMINI_Case = 'x'
$null -eq $env:PSMINI_CASE
## stdout: True

#### true cannot be assigned
try { $true = 1 } catch { $_.FullyQualifiedErrorId }
## stdout: VariableNotWritable

#### OFS joins in string casts and interpolation
$OFS = '-'
$a = 1, 2, 3
[string]$a
"$a"
## STDOUT:
1-2-3
1-2-3
## END

#### foreach enumerator Current
foreach ($i in 'a', 'b') { $foreach.Current }
## STDOUT:
a
b
## END

#### MyInvocation in a function
function Get-Inv { $MyInvocation.MyCommand.Name }
Get-Inv
## stdout: Get-Inv

#### PSItem in ForEach-Object
1, 2 | ForEach-Object { $PSItem * 3 }
## STDOUT:
3
6
## END

#### PID and HOME
$PID -gt 0
$HOME -eq $env:HOME
## STDOUT:
True
True
## END

#### LASTEXITCODE and $? after native commands
sh -c 'exit 3'
"$LASTEXITCODE $?"
true
"$LASTEXITCODE $?"
## STDOUT:
3 False
0 True
## END

#### input is consumed once and Reset rewinds
function All { "a: $input"; "b: $input"; $input.Reset(); "c: $input" }
'x', 'y' | All
## STDOUT:
a: x y
b: 
c: x y
## END

#### input in process block holds the current object
function P { process { "[$input]" } }
1, 2 | P
## STDOUT:
[1]
[2]
## END

#### input with MoveNext and Current
function C { process { $null = $input.MoveNext(); $input.Current } }
'p', 'q' | C
## STDOUT:
p
q
## END

#### a parameter named Input is not the enumerator
function T { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $Input) process { $Input * 2 } }
3, 4 | T
## STDOUT:
6
8
## END
