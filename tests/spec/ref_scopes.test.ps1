# about_Scopes (PowerShell 7.5 docs) and language.md 7.

#### child scope reads parent variable
$a = 'global value'
function Get-A { $a }
Get-A
## stdout: global value

#### child assignment creates local copy
$a = 'outer'
function Set-A { $a = 'local'; $a }
Set-A
$a
## STDOUT:
local
outer
## END

#### script modifier writes script scope
function Set-ScriptVar { $script:sv = 'from function' }
Set-ScriptVar
$sv
## stdout: from function

#### global modifier writes global scope
function Set-GlobalVar { $global:gv = 'global set' }
Set-GlobalVar
$gv
## stdout: global set

#### global modifier reads global scope
$global:g1 = 'G'
function Get-G { $global:g1 }
Get-G
## stdout: G

#### local modifier does not search parents
$x = 1
function Get-LocalX { "[$local:x]" }
Get-LocalX
## stdout: []

#### private variable not visible in child
$private:p = 'priv'
function Get-P { "[$p]" }
Get-P
"[$p]"
## STDOUT:
[]
[priv]
## END

#### dynamic scoping uses the caller chain
function Get-V { $v }
function Set-And-Call { $v = 'from caller'; Get-V }
Set-And-Call
## stdout: from caller

#### nested scopes see all ancestors
$level0 = 'zero'
& { $level1 = 'one'; & { "$level0 $level1" } }
## stdout: zero one

#### modifying script variable from nested script block
$count = 0
& { & { $script:count = 5 } }
$count
## stdout: 5

#### dot sourcing a function keeps its variables
function Set-Vars { $dv = 'dot' }
. Set-Vars
$dv
## stdout: dot

#### function defined in child scope is not visible outside
& { function Get-Hidden { 'hidden' } }
try { Get-Hidden } catch { 'not found' }
## stdout: not found

#### function defined with global prefix is visible
& { function global:Get-Shown { 'shown' } }
Get-Shown
## stdout: shown

#### Get-Variable with scope number
$sx = 'parent'
function Get-Parent { $sx = 'child'; (Get-Variable -Name sx -Scope 1).Value }
Get-Parent
## stdout: parent

#### Set-Variable with scope
function Set-Up { Set-Variable -Name up -Value 'set up' -Scope 1 }
Set-Up
$up
## stdout: set up

#### variable in if block is same scope
if ($true) { $ifvar = 'visible' }
$ifvar
## stdout: visible

#### variable in loop body is same scope
foreach ($i in 1) { $loopvar = 'visible' }
$loopvar
## stdout: visible

#### ForEach-Object script block runs in current scope
1 | ForEach-Object { $feo = 'set in foreach-object' }
$feo
## stdout: set in foreach-object

#### Where-Object script block runs in current scope
$calls = 0
1..3 | Where-Object { $calls++; $true } | Out-Null
$calls
## stdout: 3

#### increment in child scope uses local variable
$n = 5
& { $n++; $n }
$n
## STDOUT:
1
5
## END

#### script scope variable visible in function
$script:shared = 'shared'
function Get-Shared { $shared }
Get-Shared
## stdout: shared

#### scope modifier on function call variable
$x = 'script x'
function Get-X { $x = 'local x'; $script:x }
Get-X
## stdout: script x

#### variable provider path
$vp = 'via provider'
$variable:vp
## stdout: via provider

#### Test-Path on variable drive
$exists = 1
Test-Path variable:exists
Test-Path variable:doesnotexist
## STDOUT:
True
False
## END

#### Remove-Variable
$gone = 1
Remove-Variable gone
$null -eq $gone
## stdout: True

#### New-Variable read only
New-Variable -Name ro -Value 1 -Option ReadOnly
try { $ro = 2 } catch { 'read only' }
$ro
## STDOUT:
read only
1
## END

#### Get-Variable ValueOnly
$gvo = 'the value'
Get-Variable -Name gvo -ValueOnly
## stdout: the value

#### Clear-Variable
$cv = 'x'
Clear-Variable cv
$null -eq $cv
## stdout: True

#### private variable is visible only where it was created
function funcA {
    "Setting `$funcAVar1 to 'Value set in funcA'"
    $funcAVar1 = "Value set in funcA"
    funcB
}

function funcB {
    "In funcB before set -> '$funcAVar1'"
    $private:funcAVar1 = "Locally overwrite the value - child scopes can't see me!"
    "In funcB after set  -> '$funcAVar1'"
    funcC
}

function funcC {
    "In funcC before set -> '$funcAVar1' - should be the value set in funcA"
    $funcAVar1 = "Value set in funcC - Child scopes can see this change."
    "In funcC after set  -> '$funcAVar1'"
    funcD
}

function funcD {
    "In funcD before set -> '$funcAVar1' - should be the value from funcC."
    $funcAVar1 = "Value set in funcD"
    "In funcD after set  -> '$funcAVar1'"
    '-------------------'
    ShowScopes
}

function ShowScopes {
    $funcAVar1 = "Value set in ShowScopes"
    "Scope [0] (local)  `$funcAVar1 = '$(Get-Variable funcAVar1 -Scope 0 -ValueOnly)'"
    "Scope [1] (parent) `$funcAVar1 = '$(Get-Variable funcAVar1 -Scope 1 -ValueOnly)'"
    "Scope [2] (parent) `$funcAVar1 = '$(Get-Variable funcAVar1 -Scope 2 -ValueOnly)'"
    "Scope [3] (parent) `$funcAVar1 = '$(Get-Variable funcAVar1 -Scope 3 -ValueOnly)'"
    "Scope [4] (parent) `$funcAVar1 = '$(Get-Variable funcAVar1 -Scope 4 -ValueOnly)'"
}
funcA
## STDOUT:
Setting $funcAVar1 to 'Value set in funcA'
In funcB before set -> 'Value set in funcA'
In funcB after set  -> 'Locally overwrite the value - child scopes can't see me!'
In funcC before set -> 'Value set in funcA' - should be the value set in funcA
In funcC after set  -> 'Value set in funcC - Child scopes can see this change.'
In funcD before set -> 'Value set in funcC - Child scopes can see this change.' - should be the value from funcC.
In funcD after set  -> 'Value set in funcD'
-------------------
Scope [0] (local)  $funcAVar1 = 'Value set in ShowScopes'
Scope [1] (parent) $funcAVar1 = 'Value set in funcD'
Scope [2] (parent) $funcAVar1 = 'Value set in funcC - Child scopes can see this change.'
Scope [3] (parent) $funcAVar1 = 'Locally overwrite the value - child scopes can't see me!'
Scope [4] (parent) $funcAVar1 = 'Value set in funcA'
## END

#### preference changed in child scope does not affect parent
$ConfirmPreference
& {
    $ConfirmPreference = "Low"
    "The value of `$ConfirmPreference is $ConfirmPreference."
}
$ConfirmPreference
## STDOUT:
High
The value of $ConfirmPreference is Low.
High
## END

#### local and global values in a child scope
$global:test = "Global"
& {
    $test = "Local"
    "The local value of `$test is $test."
    "The global value of `$test is $global:test."
}
$test
## STDOUT:
The local value of $test is Local.
The global value of $test is Global.
Global
## END

#### changing a global from a child scope
$global:test = "Global"
& {
    $global:test = "Local"
    "The global value of `$test is $global:test."
}
$test
## STDOUT:
The global value of $test is Local.
Local
## END

#### script scope file changes do not leak
$f = "/tmp/psmini-spectests-$PID-scope2.ps1"
Set-Content -Path $f -Value '$test = "Local"; "The local value of `$test is $test."'
$test = "Outer"
& $f
$test
Remove-Item $f
## STDOUT:
The local value of $test is Local.
Outer
## END

#### New-Variable in global scope
function Set-G { New-Variable -Scope global -Name newGlobalA -Value "One" }
Set-G
$newGlobalA
## stdout: One

#### thread job changes variable through reference
$Count = 1
$refOfCount = Get-Variable Count
Start-ThreadJob {
    ($using:refOfCount).Value = 2
} | Receive-Job -Wait -AutoRemoveJob
$Count
## stdout: 2

#### synchronized hashtable shared with thread jobs
$sync = [hashtable]::Synchronized(@{})
$jobs = 1..4 | ForEach-Object {
    Start-ThreadJob { param($n) $s = $using:sync; $s[$n] = $n * $n } -ArgumentList $_
}
$null = $jobs | Wait-Job
($sync.Keys | Sort-Object) -join ','
($sync.Values | Sort-Object) -join ','
$sync.IsSynchronized
(@{}).IsSynchronized
## STDOUT:
1,2,3,4
1,4,9,16
True
False
## END

#### synchronized ArrayList shared with thread jobs
$list = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new())
$jobs = 1..3 | ForEach-Object {
    Start-ThreadJob { param($n) $l = $using:list; foreach ($i in 1..50) { [void]$l.Add($n) } } -ArgumentList $_
}
$null = $jobs | Wait-Job
$list.Count
($list | Group-Object | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '
$list.IsSynchronized
## STDOUT:
150
1=50 2=50 3=50
True
## END

#### PSVariable shared with several thread jobs in turn
$total = 0
$ref = Get-Variable total
foreach ($n in 1..3) {
    Start-ThreadJob { param($k) $r = $using:ref; $r.Value = $r.Value + $k } -ArgumentList $n |
        Receive-Job -Wait -AutoRemoveJob
}
$total
$ref.Value
## STDOUT:
6
6
## END

#### [ref] parameter assigns the caller's variable
function Test([ref]$data) { $data.Value = 3 }
$var = 10
Test -data ([ref]$var)
$var
$box = [ref]5
$box.Value++
$box.Value
## STDOUT:
3
6
## END

#### [ref] shared with several thread jobs
$sum = 0
$r = [ref]$sum
foreach ($k in 1..4) {
    Start-ThreadJob { param($n) $q = $using:r; $q.Value += $n } -ArgumentList $k | Receive-Job -Wait -AutoRemoveJob
}
$sum
$last = [ref]0
$jobs = 1..4 | ForEach-Object { Start-ThreadJob { param($n) ($using:last).Value = $n } -ArgumentList $_ }
$null = $jobs | Wait-Job
$last.Value -in 1..4
## STDOUT:
10
True
## END

#### thread job arguments and input are the caller's objects
$o = [pscustomobject]@{ N = 0 }
$a = 1, 2, 3
$h = @{}
Start-ThreadJob { param($x) $p = $using:o; $p.N = 5; $b = $using:a; $b[0] = 9; $x.k = 'set' } -ArgumentList $h |
    Receive-Job -Wait -AutoRemoveJob
$o | Start-ThreadJob { $input | ForEach-Object { $_.N++ } } | Receive-Job -Wait -AutoRemoveJob
$o.N
$a -join ','
$h.k
## STDOUT:
6
9,2,3
set
## END
