# about_Variables (PowerShell 7.5 docs) and language.md 1.6.

#### create and read variable
$MyVariable = 1, 2, 3
$MyVariable -join ','
## stdout: 1,2,3

#### variable names are case insensitive
$Abc = 1
$aBC
## stdout: 1

#### braced variable name with spaces
${a b} = 5
${a b}
## stdout: 5

#### braced variable name with special characters
${my-var!} = 'ok'
${my-var!}
## stdout: ok

#### undefined variable is null
$null -eq $neverAssigned
## stdout: True

#### variable can hold any type
$v = 1
$v.GetType().Name
$v = 'text'
$v.GetType().Name
$v = @(1)
$v.GetType().Name
## STDOUT:
Int32
String
Object[]
## END

#### Set-Variable and Get-Variable
Set-Variable -Name sv1 -Value 9
$sv1
(Get-Variable -Name sv1).Value
## STDOUT:
9
9
## END

#### New-Variable
New-Variable -Name nv1 -Value 'new'
$nv1
## stdout: new

#### New-Variable existing name fails
$nv2 = 1
try { New-Variable -Name nv2 -Value 2 -ErrorAction Stop } catch { 'exists' }
## stdout: exists

#### Get-Variable name property
$gvn = 1
(Get-Variable gvn).Name
## stdout: gvn

#### variable drive listing contains variable
$listed = 1
(Get-ChildItem variable:listed).Value
## stdout: 1

#### variable with digit name
${1x} = 'digit'
${1x}
## stdout: digit

#### variable with question mark in name
$a? = 'q'
${a?}
## stdout: q

#### type constrained variable
[int]$number = '12'
$number.GetType().Name
## stdout: Int32

#### type constrained array variable keeps array for one element
[string[]]$names = 'one'
$names.GetType().Name
$names.Count
## STDOUT:
String[]
1
## END

#### variable assigned from expression
$sum = 2 + 3
$sum
## stdout: 5

#### variable holds script block
$sb = { 'block' }
& $sb
## stdout: block

#### variable in command argument
$name = 'arg'
Write-Output $name
## stdout: arg

#### variable member access in argument
$s = 'hello'
Write-Output $s.Length
## stdout: 5

#### variable followed by text in argument is expandable
$a = 4
Write-Output $a+2
Write-Output a$a
## STDOUT:
4+2
a4
## END

#### environment variable provider
$env:SPEC_VAR_TEST = 'z'
(Get-Item env:SPEC_VAR_TEST).Value
Test-Path env:SPEC_VAR_TEST
## STDOUT:
z
True
## END

#### remove environment variable
$env:SPEC_VAR_RM = 'x'
Remove-Item env:SPEC_VAR_RM
$null -eq $env:SPEC_VAR_RM
## stdout: True

#### environment variable set to empty removes it
$env:SPEC_VAR_EMPTY = 'x'
$env:SPEC_VAR_EMPTY = ''
Test-Path env:SPEC_VAR_EMPTY
## stdout: False

#### environment variable is visible to child process
$env:SPEC_CHILD_VAR = 'inherited'
/bin/sh -c 'echo $SPEC_CHILD_VAR'
## stdout: inherited

#### variable value reference semantics for arrays
$a = 1, 2, 3
$b = $a
$b[0] = 99
$a[0]
## stdout: 99

#### variable value semantics for strings
$a = 'x'
$b = $a
$b += 'y'
$a
## stdout: x

#### Get-Variable with wildcard
$wildA1 = 1
$wildA2 = 2
(Get-Variable -Name wildA* | Measure-Object).Count
## stdout: 2

#### Clear-Variable keeps the variable
$kept = 5
Clear-Variable -Name kept
Test-Path variable:kept
## stdout: True

#### a ReadOnly variable cannot be set through its PSVariable
Set-Variable -Name ro -Value 1 -Option ReadOnly
$pv = Get-Variable ro
try { $pv.Value = 2 } catch {
    $_.Exception.GetType().FullName
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.Exception.Message
}
$ro
## STDOUT:
System.Management.Automation.SessionStateUnauthorizedAccessException
VariableNotWritable
WriteError
Cannot overwrite variable ro because it is read-only or constant.
1
## END

#### a Constant variable cannot be set through a [ref]
Set-Variable -Name konst -Value 'k' -Option Constant
$r = [ref]$konst
try { $r.Value = 'z' } catch [System.Management.Automation.SessionStateUnauthorizedAccessException] {
    "caught: $($_.Exception.Message)"
}
$konst
## STDOUT:
caught: Cannot overwrite variable konst because it is read-only or constant.
k
## END

#### a writable variable is set through its PSVariable and a [ref]
$w = 1
(Get-Variable w).Value = 2
$r = [ref]$w
$r.Value = $r.Value + 1
$w
## stdout: 3

#### a [ref] parameter takes a [ref] argument and rejects a plain value
function Set-Out([ref]$Target) { $Target.Value = 'set' }
$out = 'unset'
Set-Out ([ref]$out)
$out
try { Set-Out $out } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
}
## STDOUT:
set
ParameterArgumentTransformationError,Set-Out
Cannot process argument transformation on parameter 'Target'. Reference type is expected in argument.
## END
