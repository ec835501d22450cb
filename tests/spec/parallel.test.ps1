# ForEach-Object -Parallel (PowerShell 7.5 ForEach-Object reference, ParallelParameterSet and
# examples 11-17).  Output order across threads is not guaranteed: cases sort it or use
# -ThrottleLimit 1.

#### Each input object runs the block; $_ is the object
1..5 | ForEach-Object -Parallel { $_ * 2 } -ThrottleLimit 2 | Sort-Object
## STDOUT:
2
4
6
8
10
## END

#### $PSItem works too, and -ThrottleLimit 1 keeps the input order
1..4 | ForEach-Object -Parallel { "item $PSItem" } -ThrottleLimit 1
## STDOUT:
item 1
item 2
item 3
item 4
## END

#### $using: reads the caller's value (docs example 15)
$test1 = 'TestA'
1..2 | ForEach-Object -Parallel { $using:test1 }
## STDOUT:
TestA
TestA
## END

#### $using: of a variable that does not exist is pwsh's error
try { 1 | ForEach-Object -Parallel { $using:nosuchvar } } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
UsingVariableIsUndefined,Microsoft.PowerShell.Commands.ForEachObjectCommand
The value of the using variable '$using:nosuchvar' cannot be retrieved because it has not been set in the local session.
## END

#### Each block runs in a fresh runspace: the caller's variables are not seen
$notshared = 'caller'
1 | ForEach-Object -Parallel { "[$notshared]" }
## stdout: []

#### Each block runs in its own runspace
$v = 'caller'
1..2 | ForEach-Object -Parallel { $v = "block $_"; $v } | Sort-Object
$v
## STDOUT:
block 1
block 2
caller
## END

#### Errors from the blocks reach the caller's error stream
1..2 | ForEach-Object -Parallel { Write-Error "bad $_" } 2>&1 | ForEach-Object { "$_" } | Sort-Object
## STDOUT:
bad 1
bad 2
## END

#### A terminating error in one block is non-terminating: the others go on
$r = 1..3 | ForEach-Object -Parallel { if ($_ -eq 2) { throw "boom" }; $_ } -ThrottleLimit 1 2>&1
$r | ForEach-Object { "$_" }
## STDOUT:
1
boom
3
## END

#### Warnings from the blocks reach the caller's warning stream
1..2 | ForEach-Object -Parallel { Write-Warning "w$_" } 3>&1 | ForEach-Object { "$_" } | Sort-Object
## STDOUT:
w1
w2
## END

#### Information from the blocks reaches the caller's information stream
1 | ForEach-Object -Parallel { Write-Information "info $_" } 6>&1 | ForEach-Object { "$_" }
## stdout: info 1

#### Verbose records and host output from the blocks reach the caller
$VerbosePreference = 'Continue'
1 | ForEach-Object -Parallel { Write-Verbose "v$_" -Verbose } 4>&1 | ForEach-Object { "got $_" }
1 | ForEach-Object -Parallel { Write-Host "host $_" }
## STDOUT:
got v1
host 1
## END

#### -TimeoutSeconds stops the blocks still running with PipelineStopped
$e = $null
$out = 1..2 | ForEach-Object -Parallel { Start-Sleep -Seconds 30; 'late' } -TimeoutSeconds 1 -ErrorVariable e 2>$null
"out: $($out.Count)"
$e[0].FullyQualifiedErrorId
"$($e[0])"
## STDOUT:
out: 0
PipelineStopped,Microsoft.PowerShell.Commands.ForEachObjectCommand
The pipeline has been stopped.
## END

#### -Parallel cannot be combined with -Begin, -Process, -End or -MemberName
foreach ($p in @{ Begin = { 1 } }, @{ Process = { 1 } }, @{ End = { 1 } }, @{ MemberName = 'x' }) {
    try { 1 | ForEach-Object -Parallel { 1 } @p } catch { $_.FullyQualifiedErrorId }
}
## STDOUT:
AmbiguousParameterSet,Microsoft.PowerShell.Commands.ForEachObjectCommand
AmbiguousParameterSet,Microsoft.PowerShell.Commands.ForEachObjectCommand
AmbiguousParameterSet,Microsoft.PowerShell.Commands.ForEachObjectCommand
AmbiguousParameterSet,Microsoft.PowerShell.Commands.ForEachObjectCommand
## END

#### The blocks' thread jobs are not listed by Get-Job
1..3 | ForEach-Object -Parallel { $_ } | Out-Null
(Get-Job).Count
## stdout: 0

#### -UseNewRunspace is accepted
1..2 | ForEach-Object -Parallel { $_ } -UseNewRunspace -ThrottleLimit 1
## STDOUT:
1
2
## END

#### -InputObject runs the block once for the whole object
ForEach-Object -Parallel { $_.Count } -InputObject (1, 2, 3)
## stdout: 3

#### Slow blocks in parallel batches (docs example 11)
1..5 | ForEach-Object -Parallel { "Output: $_"; Start-Sleep -Milliseconds 100 } -ThrottleLimit 5 | Sort-Object
## STDOUT:
Output: 1
Output: 2
Output: 3
Output: 4
Output: 5
## END

#### Objects from the blocks keep their properties
1..2 | ForEach-Object -Parallel { [pscustomobject]@{ N = $_; Sq = $_ * $_ } } | Sort-Object N | ForEach-Object { "$($_.N) $($_.Sq)" }
## STDOUT:
1 1
2 4
## END

#### A -ThrottleLimit below 1 is rejected
try { 1 | ForEach-Object -Parallel { 1 } -ThrottleLimit 0 } catch { $_.FullyQualifiedErrorId }
## stdout: ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ForEachObjectCommand

#### -AsJob returns a PSTaskJob (docs example 13)
$job = 1..2 | ForEach-Object -Parallel { $_ } -AsJob
$job.PSJobTypeName
$job.ChildJobs.Count
$job | Wait-Job | Receive-Job | Sort-Object
## STDOUT:
PSTaskJob
2
1
2
## END
## N-I psmini
