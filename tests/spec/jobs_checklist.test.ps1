# jobs.md section 9 (the checklist), line by line, then every parameter of section 3 and every
# error of section 6 (message and FullyQualifiedErrorId).  Job issue 5, 2026-11-24.
# Each case is a fresh process, so job Ids start at 1.  No timing: waits are Wait-Job
# -Timeout or Receive-Job -Wait; sleeping jobs are stopped, never waited for.

# ---------------------------------------------------------------- section 9, the checklist

#### 9.1 one Id counter for parents, children and thread jobs; parent first; names Job<Id>
# "One process-wide Id counter shared by parents, children and thread jobs; parent before
# child; names Job<Id>; Get-Job output sorted by Id."
$a = Start-Job { 1 }
$t = Start-ThreadJob { 2 }
$r = Invoke-Command -ComputerName localhost, . { 3 } -AsJob
$b = Start-Job { 4 } -Name Named
foreach ($j in $a, $t, $r, $b) {
    "$($j.Id) $($j.Name) [$(($j.ChildJobs | ForEach-Object { "$($_.Id) $($_.Name)" }) -join ', ')]"
}
$null = Get-Job | Wait-Job -Timeout 20
(Get-Job | ForEach-Object Id) -join ' '
(Get-Job -Id 7, 1, 3 | ForEach-Object Id) -join ' '
(Get-Job -IncludeChildJob | ForEach-Object Id) -join ' '
## STDOUT:
1 Job1 [2 Job2]
3 Job3 []
4 Job4 [5 Job5, 6 Job6]
7 Named [8 Job8]
1 3 4 7
1 3 7
1 2 3 4 5 6 7 8
## END

#### 9.2 a Start-Job or & parent is Running at once with HasMoreData True; the child has the data
# "Start-Job/& parent is Running immediately with HasMoreData True; child carries the data"
$j = Start-Job { 'data' }
$js = "$($j.State) $($j.HasMoreData)"
$k = 'amp' &
"$js $($k.State) $($k.HasMoreData)"
$null = Wait-Job $j, $k -Timeout 20
"[$(Receive-Job $j -NoRecurse)] [$(Receive-Job $j.ChildJobs[0] -Keep)] [$(Receive-Job $k)]"
"$($j.ChildJobs[0].Output.Count) $($j.Output.Count)"
## STDOUT:
Running True Running True
[] [data] [amp]
1 0
## END

#### 9.2 parent Failed if any child Failed; the parent's Reason is null, the child's is set
# "child carries ... the failure reason; parent Failed if any child Failed; parent Reason null"
$f = Start-Job { throw 'boom' }
$r = Invoke-Command -ComputerName localhost, Server01 { 'ok' } -AsJob
$null = Wait-Job $f, $r -Timeout 20
"$($f.State) $($f.ChildJobs[0].State) $($null -eq $f.JobStateInfo.Reason) $($null -ne $f.ChildJobs[0].JobStateInfo.Reason)"
"$($r.State) $(($r.ChildJobs | ForEach-Object State) -join ',') $($null -eq $r.JobStateInfo.Reason)"
## STDOUT:
Failed Failed True True
Failed Completed,Failed True
## END

#### 9.2 the failed child's Reason is the exception, with the thrown message
# "child carries ... the failure reason" (JobStateInfo.Reason is a RemoteException whose
# Message is the original message, jobs.md 4.4)
$f = Start-Job { throw 'boom' }
$null = Wait-Job $f -Timeout 20
$f.ChildJobs[0].JobStateInfo.Reason.Message
## stdout: boom

#### 9.3 Command keeps the block's inner whitespace, and the table does not trim it
# "Command keeps the block's inner whitespace; the table does not trim it"
$j = Start-Job {  1 + 1 }
"[$($j.Command)]"
$null = Wait-Job $j -Timeout 20
Get-Job | Format-Table
## STDOUT:
[  1 + 1 ]

Id     Name            PSJobTypeName   State         HasMoreData     Location             Command
--     ----            -------------   -----         -----------     --------             -------
1      Job1            BackgroundJob   Completed     True            localhost              1 + 1 

## END

#### 9.3 a multi-line Command is cut at its first line break with an ellipsis
# "multi-line commands cut at first newline with ..."
$a = Start-Job {
Start-Sleep 30 }
$b = Start-Job { 'one'
Start-Sleep 30 }
Get-Job | Format-Table
## STDOUT:

Id     Name            PSJobTypeName   State         HasMoreData     Location             Command
--     ----            -------------   -----         -----------     --------             -------
1      Job1            BackgroundJob   Running       True            localhost            …
3      Job3            BackgroundJob   Running       True            localhost             'one'…

## END

#### 9.4 the table: 7 left-aligned columns 6/15/15/13/15/20/25, one space between, … cut
# "Table: 7 left-aligned columns 6/15/15/13/15/20/25, one-space separators, ... truncation"
$j = Start-Job { Start-Sleep 30; 'a command longer than its column' } -Name 'a name longer than 15'
$t = Start-ThreadJob { 1 } -Name T
$null = Wait-Job $t -Timeout 20
Get-Job -Id 1, 3
## STDOUT:

Id     Name            PSJobTypeName   State         HasMoreData     Location             Command
--     ----            -------------   -----         -----------     --------             -------
1      a name longer … BackgroundJob   Running       True            localhost             Start-Sleep 30; 'a comm…
3      T               ThreadJob       Completed     True            PowerShell            1 

## END

#### 9.4 narrow widths drop columns from the right and shrink the last one left
# "right-to-left column dropping under narrow widths" (Out-String -Width W lays the table out
# in W columns: 90 leaves no room for Command, 80 shrinks Location to 11)
$j = Invoke-Command -ComputerName localhost, 127.0.0.1 { Start-Sleep 30 } -AsJob
$j | Out-String -Stream -Width 90 | Where-Object { $_ }
$j | Out-String -Stream -Width 80 | Where-Object { $_ }
## STDOUT:
Id     Name            PSJobTypeName   State         HasMoreData     Location
--     ----            -------------   -----         -----------     --------
1      Job1            RemoteJob       Running       True            localhost,127.0.0.1
Id     Name            PSJobTypeName   State         HasMoreData     Location
--     ----            -------------   -----         -----------     --------
1      Job1            RemoteJob       Running       True            localhost,…
## END

#### 9.4 Format-List shows every property in the documented order
# "Format-List shows all properties in the documented order" (jobs.md 5.2 (e), 5.3)
$j = Start-Job { 'x' }
$null = Wait-Job $j -Timeout 20
$j | Format-List | Out-String -Stream | Where-Object { $_ } | ForEach-Object {
    $_ -replace '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}', '<guid>' -replace ': \d+/\d+/\d{4} .*', ': <date>'
}
## STDOUT:
State         : Completed
HasMoreData   : True
StatusMessage : 
Location      : localhost
Command       :  'x' 
JobStateInfo  : Completed
Finished      : System.Threading.ManualResetEvent
InstanceId    : <guid>
Id            : 1
Name          : Job1
ChildJobs     : {Job2}
PSBeginTime   : <date>
PSEndTime     : <date>
PSJobTypeName : BackgroundJob
Output        : {}
Error         : {}
Progress      : {}
Verbose       : {}
Debug         : {}
Warning       : {}
Information   : {}
## END

#### 9.5 Receive-Job drains, or copies with -Keep, and recurses into the child jobs
# "Receive-Job: drains (or copies with -Keep), recurses into children"
$j = Start-Job { 1; 2 }
$null = Wait-Job $j -Timeout 20
"keep: $(Receive-Job $j -Keep) $($j.HasMoreData) $($j.ChildJobs[0].HasMoreData)"
"norecurse: [$(Receive-Job $j -NoRecurse)]"
"drain: $(Receive-Job $j) $($j.HasMoreData) $($j.ChildJobs[0].HasMoreData)"
"again: [$(Receive-Job $j)]"
"child output kept: $($j.ChildJobs[0].Output.Count)"
## STDOUT:
keep: 1 2 True True
norecurse: []
drain: 1 2 False False
again: []
child output kept: 2
## END

#### 9.5 Receive-Job keeps the stream order of a Start-Job but groups a thread job's by stream
# "interleaves streams for Start-Job but groups them per stream for thread jobs"
$j = Start-Job { 'o1'; Write-Error 'e1'; 'o2'; Write-Error 'e2' }
$t = Start-ThreadJob { 'o1'; Write-Error 'e1'; 'o2'; Write-Error 'e2' }
$null = Wait-Job $j, $t -Timeout 20
(Receive-Job $j 2>&1 | ForEach-Object { "$_" }) -join ' '
(Receive-Job $t 2>&1 | ForEach-Object { "$_" }) -join ' '
## STDOUT:
o1 e1 o2 e2
o1 o2 e1 e2
## END

#### 9.5 Receive-Job re-reports the failure reason of a Failed job on every read
# "re-reports the failure reason of Failed jobs each time"
$j = Start-Job { 'before'; throw 'MyError' }
$null = Wait-Job $j -Timeout 20
Receive-Job $j -ErrorVariable e1 -ErrorAction SilentlyContinue
Receive-Job $j -ErrorVariable e2 -ErrorAction SilentlyContinue
"$($e1.Count) $($e1[0].Exception.Message) | $($e2.Count) $($e2[0].Exception.Message)"
## STDOUT:
before
1 MyError | 1 MyError
## END

#### 9.5 Receive-Job rejects -Wait with -Keep
# "rejects -Wait -Keep"
$j = Start-Job { 1 }
try { Receive-Job $j -Wait -Keep } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message -like '*The Wait and Keep parameters cannot be used together in the same command.*'
}
$null = Wait-Job $j -Timeout 20
## STDOUT:
ParameterBindingFailed,Microsoft.PowerShell.Commands.ReceiveJobCommand
True
## END

#### 9.5 Receive-Job needs -Wait for -AutoRemoveJob, -WriteEvents, -WriteJobInResults, -Force
# "requires -Wait for -AutoRemoveJob/-WriteEvents/-WriteJobInResults/-Force"
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
foreach ($p in 'AutoRemoveJob', 'WriteEvents', 'WriteJobInResults', 'Force') {
    $a = @{ $p = $true }
    try { Receive-Job $j @a } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
}
"$($j.HasMoreData)"
## STDOUT:
InvalidOperation,Microsoft.PowerShell.Commands.ReceiveJobCommand | The -AutoRemoveJob parameter cannot be used without the -Wait parameter
InvalidOperation,Microsoft.PowerShell.Commands.ReceiveJobCommand | The WriteEvents parameter cannot be used without the Wait parameter.
InvalidOperation,Microsoft.PowerShell.Commands.ReceiveJobCommand | The -WriteJobInResults parameter cannot be used without the -Wait parameter
InvalidOperation,Microsoft.PowerShell.Commands.ReceiveJobCommand | The -Force parameter cannot be used without the -Wait parameter.
True
## END

#### 9.6 Wait-Job returns the done jobs in input order, and -Any returns one job
# "Wait-Job: returns done jobs in input order; -Any -> one job"
$a = Start-Job { 'a' }
$b = Start-Job { 'b' }
$s = Start-Job { Start-Sleep 30 }
(Wait-Job $b, $a -Timeout 20 | ForEach-Object Name) -join ','
$any = @(Wait-Job $s, $b, $a -Any -Timeout 20)
"$($any.Count) $($any[0].Name)"
Stop-Job $s
## STDOUT:
Job3,Job1
1 Job3
## END

#### 9.6 a Wait-Job that times out returns nothing, even for the jobs that finished
# "timeout -> nothing"
$a = Start-Job { 'a' }
$s = Start-Job { Start-Sleep 30 }
$null = Wait-Job $a -Timeout 20
$w = Wait-Job $a, $s -Timeout 1
"[$w] $($null -eq $w) $($s.State)"
"[$(Wait-Job $a -Timeout 0)]"
Stop-Job $s
## STDOUT:
[] True Running
[]
## END

#### 9.6 Wait-Job on a Blocked job is a terminating deadlock error
# "Blocked -> terminating deadlock error"
$j = Start-Job { Read-Host 'name' }
for ($i = 0; $i -lt 100 -and $j.State -eq 'Running'; $i++) { Start-Sleep -Milliseconds 50; $null = Get-Job }
"$($j.State)"
try { Wait-Job $j } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
Stop-Job $j
## STDOUT:
Blocked
BlockedJobsDeadlockWithWaitJob,Microsoft.PowerShell.Commands.WaitJobCommand
The Wait-Job cmdlet cannot finish working, because one or more jobs are blocked waiting for user interaction.  Process interactive job output by using the Receive-Job cmdlet, and then try again.
## END

#### 9.7 Stop-Job is silent on finished jobs, and -PassThru returns every matched job
# "Stop-Job silent on finished jobs, -PassThru returns all matched jobs"
$d = Start-Job { 'x' }
$null = Wait-Job $d -Timeout 20
$s = Start-Job { Start-Sleep 30 }
"[$(Stop-Job $d)]"
(Stop-Job $d, $s -PassThru | ForEach-Object { "$($_.Name) $($_.State)" }) -join ', '
## STDOUT:
[]
Job1 Completed, Job3 Stopped
## END

#### 9.7 Remove-Job refuses an unfinished job unless -Force
# "Remove-Job refuses unfinished jobs unless -Force"
$s = Start-Job { Start-Sleep 30 }
Remove-Job $s -ErrorVariable e -ErrorAction SilentlyContinue
"$($e[0].FullyQualifiedErrorId) $($e[0].TargetObject.Id) $(@(Get-Job).Count)"
Remove-Job $s -Force
"$($s.State) $(@(Get-Job).Count)"
## STDOUT:
JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand 1 1
Stopped 0
## END

#### 9.7 Remove-Job -State and -Command skip the finished check
# "(but -State/-Command bypass the check)"
$a = Start-Job { Start-Sleep 30 }
$b = Start-Job { Start-Sleep 31 }
Remove-Job -State Running
"$($a.State) $(@(Get-Job).Count)"
$c = Start-Job { Start-Sleep 32 }
Remove-Job -Command '*32*'
"$($c.State) $(@(Get-Job).Count)"
## STDOUT:
Stopped 0
Stopped 0
## END

#### 9.7 a child job cannot be removed
# "child jobs cannot be removed"
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
Remove-Job -Id $j.ChildJobs[0].Id -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].FullyQualifiedErrorId
$e[0].Exception.Message
"$(@(Get-Job).Count) $(@(Get-Job -IncludeChildJob).Count)"
## STDOUT:
CannotRemoveJob,Microsoft.PowerShell.Commands.RemoveJobCommand
The command cannot remove the job because it does not exist or because it is a child job. Child jobs can be removed only by removing the parent job.
1 2
## END

#### 9.8 Start-Job output objects are property bags with the remoting notes
# "Start-Job output objects: deserialized property bags (depth 1) with PSComputerName=localhost,
# RunspaceId, PSShowComputerName=$false"
$o = Start-Job { [pscustomobject]@{ A = 1; Inner = [pscustomobject]@{ B = 2 } } } | Receive-Job -Wait
"$($o.A) $($o.PSComputerName) $($o.PSShowComputerName) $($o.RunspaceId -match '^[0-9a-f]{8}-')"
$o.Inner.GetType().FullName
$o.Inner
## STDOUT:
1 localhost False True
System.String
@{B=2}
## END

#### 9.8 the received objects are Deserialized.* and RunspaceId is a Guid
# "deserialized property bags": type names prefixed Deserialized. (jobs.md 4.2)
$o = Start-Job { [pscustomobject]@{ A = 1 } } | Receive-Job -Wait
$o.pstypenames[0]
$o.RunspaceId.GetType().FullName
## STDOUT:
Deserialized.System.Management.Automation.PSCustomObject
System.Guid
## END

#### 9.8 Invoke-Command -AsJob output objects show PSComputerName
# "Invoke-Command -AsJob objects show PSComputerName"
$o = Invoke-Command -ComputerName localhost { [pscustomobject]@{ A = 1 } } -AsJob | Receive-Job -Wait
"$($o.PSComputerName) $($o.PSShowComputerName)"
$o | Format-Table A, PSComputerName
## STDOUT:
localhost True

A PSComputerName
- --------------
1 localhost

## END

# ------------------------------------------------- section 3.0, the shared selection rules

#### 3.0 -Name matches wildcards case-insensitively and finds child jobs (not Remove-Job)
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"get: $((Get-Job -Name JOB* | ForEach-Object Id) -join ' ') child: $((Get-Job -Name Job2).Id)"
"wait: $((Wait-Job -Name job2 -Timeout 20).Id) receive: $(Receive-Job -Name Job2 -Keep) stop: $((Stop-Job -Name Job2 -PassThru).Id)"
"no match, wildcard: [$(Get-Job -Name nomatch*)]"
Remove-Job -Name Job2 -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].FullyQualifiedErrorId
## STDOUT:
get: 1 2 child: 2
wait: 2 receive: 1 stop: 2
no match, wildcard: []
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.RemoveJobCommand
## END

#### 3.0 -Id and -InstanceId find top-level jobs, then child jobs
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"$((Get-Job -Id 2).Name) $((Get-Job -InstanceId $j.InstanceId).Name) $((Get-Job -InstanceId $j.ChildJobs[0].InstanceId).Name)"
"$((Wait-Job -InstanceId $j.ChildJobs[0].InstanceId -Timeout 20).Id) $(Receive-Job -Id 2 -Keep) $(Receive-Job -InstanceId $j.InstanceId -Keep)"
## STDOUT:
Job2 Job1 Job2
2 1 1
## END

#### 3.0 -State selects top-level jobs in that state only, with no error when none match
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"$((Get-Job -State Completed | ForEach-Object Id) -join ' ') [$(Get-Job -State Failed)]"
"$((Wait-Job -State Completed -Timeout 20).Id) [$(Stop-Job -State Running -PassThru)]"
## STDOUT:
1 []
1 []
## END

#### 3.0 -Command matches the trimmed Command exactly or as a wildcard (Get-Job, Remove-Job)
$a = Start-Job {  1 + 1  }
$b = Start-Job { 'other' }
$null = Wait-Job $a, $b -Timeout 20
"$((Get-Job -Command '1 + 1').Id) $((Get-Job -Command ' 1 + 1 ').Id) $((Get-Job -Command '*+*').Id) [$(Get-Job -Command '1')]"
Remove-Job -Command "'other'"
"$((Get-Job | ForEach-Object Id) -join ' ')"
## STDOUT:
1 1 1 []
1
## END

#### 3.0 -Filter: Start-Job jobs never match
# (thread jobs are left out: pwsh's ThreadJob adapter answers -Filter with a warning)
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"[$(Get-Job -Filter @{ Name = 'Job1' })] [$(Wait-Job -Filter @{ Name = 'Job1' })] [$(Stop-Job -Filter @{ Name = 'Job1' } -PassThru)]"
Remove-Job -Filter @{ Name = 'Job1' }
"$(@(Get-Job).Count)"
## STDOUT:
[] [] []
1
## END

#### 3.0 Id, Name, InstanceId, State and Command bind from the pipeline by property name
$j = Start-Job { 1 + 1 }
$null = Wait-Job $j -Timeout 20
$p = { param($h) [pscustomobject]$h }
"$((& $p @{ Id = 1 } | Get-Job).Name) $((& $p @{ Name = 'Job1' } | Get-Job).Id) $((& $p @{ InstanceId = $j.InstanceId } | Get-Job).Id)"
"$((& $p @{ State = 'Completed' } | Get-Job).Id) $((& $p @{ Command = '*+*' } | Get-Job).Id)"
"$((& $p @{ Id = 1 } | Wait-Job -Timeout 20).Id) $(& $p @{ Name = 'Job1' } | Receive-Job -Keep)"
& $p @{ Id = 1 } | Remove-Job
"$(@(Get-Job).Count)"
## STDOUT:
Job1 1 1
1 1
1 2
0
## END

# ----------------------------------------------------------------------- 3.1 Start-Job
# Not here: -Credential (needs another user account), -DefinitionName/-DefinitionPath/-Type
# (scheduled-job definitions, Windows PowerShell only); Receive-Job -Session is in section 6.

#### 3.1 Start-Job -ScriptBlock, its alias -Command, and -Name ('' keeps the default name)
$a = Start-Job -ScriptBlock { 'sb' }
$b = Start-Job -Command { 'cmd' } -Name Named
$c = Start-Job { 'noname' } -Name ''
"$($a.Name) $($b.Name) $($c.Name)"
"$($a, $b, $c | ForEach-Object { Receive-Job $_ -Wait })"
## STDOUT:
Job1 Named Job5
sb cmd noname
## END

#### 3.1 Start-Job -FilePath and -LiteralPath (aliases PSPath, LP): the file's text is the Command
Set-Content -LiteralPath 'chk_job[1].ps1' -Value 'param($a) "file $a"'
Set-Content -Path 'chk_job.ps1' -Value '"plain file"'
$f = Start-Job -FilePath ./chk_job.ps1
$l = Start-Job -LiteralPath './chk_job[1].ps1' -ArgumentList L
$p = Start-Job -PSPath './chk_job[1].ps1' -ArgumentList P
$q = Start-Job -LP './chk_job[1].ps1' -ArgumentList Q
"[$($f.Command.Trim())] [$($l.Command.Trim())]"
$f, $l, $p, $q | ForEach-Object { Receive-Job $_ -Wait }
Remove-Item -LiteralPath 'chk_job[1].ps1', 'chk_job.ps1'
## STDOUT:
["plain file"] [param($a) "file $a"]
plain file
file L
file P
file Q
## END

#### 3.1 Start-Job -InitializationScript runs first, in the job's session
Start-Job { "main sees $init" } -InitializationScript { $global:init = 'init' } | Receive-Job -Wait
## stdout: main sees init

#### 3.1 Start-Job -ArgumentList (alias -Args) binds to param() and $args
$j = Start-Job { param($a) "$a $($args -join ',')" } -ArgumentList 1, 2, 3
$k = Start-Job { "$args" } -Args x, y
$j, $k | ForEach-Object { Receive-Job $_ -Wait }
## STDOUT:
1 2,3
x y
## END

#### 3.1 Start-Job -InputObject: piped objects stream into one job; -InputObject gives one object
$jobs = @(1, 2, 3 | Start-Job { ($input | Measure-Object -Sum).Sum })
"$($jobs.Count) $(Receive-Job $jobs[0] -Wait)"
Start-Job { @($input).Count } -InputObject @(1, 2, 3) | Receive-Job -Wait
## STDOUT:
1 6
1
## END

#### 3.1 Start-Job -WorkingDirectory; the default is the caller's location
$j = Start-Job { (Get-Location).Path } -WorkingDirectory /
$k = Start-Job { (Get-Location).Path }
"$(Receive-Job $j -Wait) $((Receive-Job $k -Wait) -eq (Get-Location).Path)"
## stdout: / True

#### 3.1 Start-Job -Authentication is accepted; -RunAs32 fails in a 64-bit shell
$j = Start-Job { 'auth' } -Authentication Default
Receive-Job $j -Wait
try { Start-Job { 1 } -RunAs32 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
auth
RunAs32NotSupported,Microsoft.PowerShell.Commands.StartJobCommand
Cannot start a 32-bit 'pwsh' process from the 64-bit 'pwsh' installation. Install the 32-bit 'pwsh' if you need to run PowerShell in a 32-bit process.
## END

#### 3.1 Start-Job -PSVersion accepts only 5.1
try { Start-Job { 1 } -PSVersion 2.0 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
ParameterBindingFailed,Microsoft.PowerShell.Commands.StartJobCommand
Cannot bind parameter 'PSVersion' to the target. Exception setting "PSVersion": "The value 2.0 is not valid for the PSVersion parameter. The only allowed value is 5.1."
## END

#### 3.1 Start-Job: $using: is read in the caller; a plain variable is the job's own
$x = 'caller'
Start-Job { "[$using:x] [$x]" } | Receive-Job -Wait
## stdout: [caller] []

#### 3.1 Start-Job: the caller's variables and functions are not inherited
$x = 'caller'
function f { 'f' }
Start-Job { "[$x] [$(Get-Command f -ErrorAction SilentlyContinue)]" } | Receive-Job -Wait
## stdout: [] []

# ----------------------------------------------------------------- 3.2 Start-ThreadJob

#### 3.2 Start-ThreadJob -ScriptBlock (alias -Command), -Name, -ArgumentList (alias -Args)
$a = Start-ThreadJob -ScriptBlock { param($p) "sb $p" } -ArgumentList 1 -Name T1
$b = Start-ThreadJob -Command { "cmd $args" } -Args 2
"$($a.Name) [$($a.Command)] $($b.Name)"
$a, $b | ForEach-Object { Receive-Job $_ -Wait }
## STDOUT:
T1 [ param($p) "sb $p" ] Job2
sb 1
cmd 2
## END

#### 3.2 Start-ThreadJob -FilePath: Command is the path
$path = Join-Path (Get-Location).Path chk_tj.ps1
Set-Content -LiteralPath $path -Value 'param($a) "from file $a"'
$t = Start-ThreadJob -FilePath $path -ArgumentList z
$t.Command -eq $path
Receive-Job $t -Wait
Remove-Item -LiteralPath $path
## STDOUT:
True
from file z
## END

#### 3.2 Start-ThreadJob -InitializationScript output is part of the job's output
Start-ThreadJob { 'Goodbye' } -InitializationScript { 'Hello' } | Receive-Job -Wait
## STDOUT:
Hello
Goodbye
## END

#### 3.2 Start-ThreadJob -InputObject and pipeline input; output objects are not serialized
$t = 1..3 | Start-ThreadJob { $input | ForEach-Object { $_ * 2 } }
"$(Receive-Job $t -Wait)"
$o = Start-ThreadJob { [pscustomobject]@{ A = 1 } } -InputObject 5 | Receive-Job -Wait
"[$($o.PSComputerName)] $($o.A)"
## STDOUT:
2 4 6
[] 1
## END

#### 3.2 Start-ThreadJob -ThrottleLimit queues jobs over the limit as NotStarted
# (the first job sleeps one second so that the second one is still queued when looked at)
$t1 = Start-ThreadJob { Start-Sleep 1 } -ThrottleLimit 1
$t2 = Start-ThreadJob { 'queued' }
"$($t2.State) $($t2.HasMoreData) [$($t2.PSBeginTime)]"
"$(Receive-Job $t2 -Wait) $($t2.State) $($t1.State)"
try { Start-ThreadJob { 1 } -ThrottleLimit 0 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
NotStarted False []
queued Completed Completed
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartThreadJobCommand
Cannot validate argument on parameter 'ThrottleLimit'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.
## END

#### 3.2 Stop-Job on a running thread job frees its -ThrottleLimit slot at once
# (jobs.md 3.6: Stop-Job stops the job's pipeline; the slot is given back and the queued job
# admitted before Stop-Job returns, even when the stop comes while the runspace is being made)
$t1 = Start-ThreadJob { Start-Sleep 30 } -ThrottleLimit 1
$t2 = Start-ThreadJob { 'queued' }
Stop-Job $t1
$null = Wait-Job $t2 -Timeout 10
"$($t1.State) $($t2.State)"
## stdout: Stopped Completed

#### 3.2 Start-ThreadJob -StreamingHost is accepted; host-only output leaves HasMoreData False
Start-ThreadJob { 'out' } -StreamingHost $Host | Receive-Job -Wait
$w = Start-ThreadJob { Write-Host 'only host' }
$null = Wait-Job $w -Timeout 20
"$($w.HasMoreData)"
## STDOUT:
out
False
## END

#### 3.2 Start-ThreadJob: a terminating error fails the job with the thrown message as Reason
$t = Start-ThreadJob { throw 'ThreadBoom' }
$null = Wait-Job $t -Timeout 20
"$($t.State) $($t.JobStateInfo.Reason.Message)"
## stdout: Failed ThreadBoom

# ------------------------------------------------------------------------- 3.3 Get-Job

#### 3.3 Get-Job -Id is positional and optional; -Name is positional; -State
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"$(@(Get-Job).Count) $((Get-Job 1).Name) $((Get-Job 1, 2 | ForEach-Object Name) -join ',')"
"$((Get-Job Job1).Id) $((Get-Job -Name Job1).Id) $((Get-Job -State Completed).Id)"
## STDOUT:
1 Job1 Job1,Job2
1 1 1
## END

#### 3.3 a Guid given positionally binds to -InstanceId (its exact type), not to -Name
# (pwsh binds positional arguments without type coercion first, so the Guid goes to the
# InstanceIdParameterSet; a job object, which matches no parameter type, goes to -Name)
$j = Start-Job { 1 }
$null = Wait-Job $j -Timeout 20
"$((Get-Job $j.InstanceId).Id) $((Wait-Job $j.InstanceId -Timeout 20).Id) $(Receive-Job $j.InstanceId)"
## stdout: 1 1 1

#### 3.3 Get-Job -IncludeChildJob and -ChildJobState append children after each parent
$r = Invoke-Command -ComputerName localhost, Server01 { 1 } -AsJob
$s = Start-Job { 2 }
$null = Wait-Job $r, $s -Timeout 20
(Get-Job -IncludeChildJob | ForEach-Object Id) -join ' '
(Get-Job -ChildJobState Failed | ForEach-Object Id) -join ' '
(Get-Job -ChildJobState Completed -IncludeChildJob | ForEach-Object Id) -join ' '
(Get-Job -Id 1 -IncludeChildJob | ForEach-Object Id) -join ' '
## STDOUT:
1 2 3 4 5
1 3 4
1 2 4 5
1 2 3
## END

#### 3.3 Get-Job -HasMoreData keeps the jobs whose HasMoreData equals the value
$a = Start-Job { 1 }
$b = Start-Job { 2 }
$null = Wait-Job $a, $b -Timeout 20
$null = Receive-Job $a
"$((Get-Job -HasMoreData $true).Id) $((Get-Job -HasMoreData $false).Id)"
## stdout: 3 1

#### 3.3 Get-Job -Before and -After compare PSEndTime; running jobs have none
$a = Start-Job { 1 }
$null = Wait-Job $a -Timeout 20
$s = Start-Job { Start-Sleep 30 }
"[$((Get-Job -Before (Get-Date).AddDays(1)).Id)] [$((Get-Job -After (Get-Date).AddDays(-1)).Id)]"
"[$(Get-Job -Before (Get-Date).AddDays(-1))] [$(Get-Job -After (Get-Date).AddDays(1))]"
Stop-Job $s
## STDOUT:
[1] [1]
[] []
## END

#### 3.3 Get-Job -Newest keeps the jobs that ended last, written in Id order
$a = Start-Job { 'a' }
$null = Wait-Job $a -Timeout 20
$b = Start-Job { 'b' }
$null = Wait-Job $b -Timeout 20
$c = Start-Job { 'c' }
$null = Wait-Job $c -Timeout 20
"$((Get-Job -Newest 1).Name) $((Get-Job -Newest 2 | ForEach-Object Name) -join ',')"
## stdout: Job5 Job3,Job5

#### 3.3 Get-Job -Command and -Filter
$a = Start-Job { Get-Date }
$null = Wait-Job $a -Timeout 20
"$((Get-Job -Command 'get-date').Id) $((Get-Job -Command '*Date*', 'nothing').Id) [$(Get-Job -Filter @{ Id = 1 })]"
## stdout: 1 1 []

# --------------------------------------------------------------------- 3.4 Receive-Job

#### 3.4 Receive-Job -Job (positional, pipeline), -Name, -Id, -InstanceId
$j = Start-Job { 'r' }
$null = Wait-Job $j -Timeout 20
"$(Receive-Job $j -Keep) $(Receive-Job -Job $j -Keep) $($j | Receive-Job -Keep) $(Receive-Job -Name Job1 -Keep) $(Receive-Job -Id 1 -Keep) $(Receive-Job -InstanceId $j.InstanceId -Keep)"
"$(Receive-Job 1 -Keep)"
## STDOUT:
r r r r r r
r
## END

#### 3.4 Receive-Job -Location and -ComputerName (alias -Cn) pick children by computer
$j = Invoke-Command -ComputerName localhost, 127.0.0.1 { 'x' } -AsJob
$null = Wait-Job $j -Timeout 20
Receive-Job $j -Location 127.0.0.1 -Keep | ForEach-Object PSComputerName
Receive-Job $j -ComputerName localhost -Keep | ForEach-Object PSComputerName
Receive-Job $j -Cn 127.0.0.1 -Keep | ForEach-Object PSComputerName
"[$(Receive-Job $j -Location nowhere -Keep)]"
$s = Start-Job { 's' }
Receive-Job $s -ComputerName localhost -Wait
## STDOUT:
127.0.0.1
localhost
127.0.0.1
[]
s
## END

#### 3.4 Receive-Job -ComputerName on a thread job is an error
$t = Start-ThreadJob { 1 }
$null = Wait-Job $t -Timeout 20
Receive-Job $t -ComputerName localhost -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].FullyQualifiedErrorId
$e[0].Exception.Message
## STDOUT:
ComputerNameParameterNotSupported,Microsoft.PowerShell.Commands.ReceiveJobCommand
The command cannot retrieve the jobs of the specified computers. The ComputerName parameter can be used only with jobs created by using PowerShell remoting.
## END

#### 3.4 Receive-Job -Wait -Force, -AutoRemoveJob and -WriteJobInResults
$j = Start-Job { 'w' }
Receive-Job $j -Wait -Force
"$($j.State) $($j.HasMoreData)"
$k = Start-Job { 'k' }
$r = @(Receive-Job $k -Wait -WriteJobInResults)
"$($r.Count) $($r[0].Id) $($r[1])"
$a = Start-Job { 'a' }
Receive-Job $a -Wait -AutoRemoveJob
"$((Get-Job | ForEach-Object Id) -join ' ')"
## STDOUT:
w
Completed False
2 3 k
a
1 3
## END

#### 3.4 Receive-Job -Wait -WriteEvents writes the state events after the data
$r = Start-Job { 1 + 1 } | Receive-Job -Wait -WriteEvents
"$($r.Count) $($r[0]) $($r[1].JobStateInfo.State) $($r[2].PSEventObject)"
## stdout: 3 2 Completed True

# ------------------------------------------------------------------------ 3.5 Wait-Job

#### 3.5 Wait-Job -Id, -Job (positional, pipeline), -Name, -InstanceId, -State
$j = Start-Job { 1 }
"$((Wait-Job -Id 1 -Timeout 20).Id) $((Wait-Job $j -Timeout 20).Id) $(($j | Wait-Job -Timeout 20).Id)"
"$((Wait-Job -Name Job1 -Timeout 20).Id) $((Wait-Job -InstanceId $j.InstanceId -Timeout 20).Id) $((Wait-Job -State Completed -Timeout 20).Id)"
## STDOUT:
1 1 1
1 1 1
## END

#### 3.5 Wait-Job -Timeout (alias -TimeoutSec) accepts -1 and up; -Force and -Any
$j = Start-Job { 1 }
"$((Wait-Job $j -TimeoutSec 20).Id) $((Wait-Job $j -Timeout -1).Id) $((Wait-Job $j -Force -Timeout 20).Id) $((Wait-Job $j -Any).Id)"
try { Wait-Job $j -Timeout -2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
1 1 1 1
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WaitJobCommand
Cannot validate argument on parameter 'Timeout'. The -2 argument is less than the minimum allowed range of -1. Supply an argument that is greater than or equal to -1 and then try the command again.
## END

# ------------------------------------------------------------------------ 3.6 Stop-Job

#### 3.6 Stop-Job -Id, -Job (pipeline), -Name, -InstanceId, -State
$a = Start-Job { Start-Sleep 30 }
$b = Start-Job { Start-Sleep 31 }
$c = Start-Job { Start-Sleep 32 }
$d = Start-Job { Start-Sleep 33 }
$e = Start-Job { Start-Sleep 34 }
Stop-Job -Id 1
$b | Stop-Job
Stop-Job -Name Job5
Stop-Job -InstanceId $d.InstanceId
"$(($a, $b, $c, $d, $e | ForEach-Object State) -join ' ')"
Stop-Job -State Running
"$(($a, $b, $c, $d, $e | ForEach-Object { $_.ChildJobs[0].State }) -join ' ')"
## STDOUT:
Stopped Stopped Stopped Stopped Running
Stopped Stopped Stopped Stopped Stopped
## END

#### 3.6 Stop-Job -WhatIf changes nothing; -Confirm:$false stops
$s = Start-Job { Start-Sleep 30 }
Stop-Job $s -WhatIf
"$($s.State)"
Stop-Job $s -Confirm:$false
"$($s.State)"
## STDOUT:
What if: Performing the operation "Stop" on target "Remote Command:  Start-Sleep 30 , associated with a job that has an ID of "1".".
Running
Stopped
## END

# ---------------------------------------------------------------------- 3.7 Remove-Job

#### 3.7 Remove-Job -Id, -Job (pipeline), -Name, -InstanceId on finished jobs
$jobs = 1..4 | ForEach-Object { Start-Job { 1 } }
$null = Wait-Job $jobs -Timeout 20
Remove-Job -Id 1
$jobs[1] | Remove-Job
Remove-Job -Name Job5
Remove-Job -InstanceId $jobs[3].InstanceId
"$(@(Get-Job).Count)"
## stdout: 0

#### 3.7 Remove-Job -Force (alias -F) stops, then removes
$a = Start-Job { Start-Sleep 30 }
$b = Start-Job { Start-Sleep 31 }
Remove-Job $a -Force
Remove-Job -Id 3 -F
"$($a.State) $($b.State) $(@(Get-Job).Count)"
## stdout: Stopped Stopped 0

#### 3.7 Remove-Job -WhatIf keeps the job
$j = Start-Job { 'x' }
$null = Wait-Job $j -Timeout 20
Remove-Job $j -WhatIf
"$(@(Get-Job).Count)"
## STDOUT:
What if: Performing the operation "Remove" on target "Remote Command:  'x' , associated with the job that has an ID of "1".".
1
## END

#### 3.7 Remove-Job has no -Force in the -State and -Command sets
$j = Start-Job { 1 }
try { Remove-Job -State Completed -Force } catch { $_.FullyQualifiedErrorId }
$null = Wait-Job $j -Timeout 20
## stdout: AmbiguousParameterSet,Microsoft.PowerShell.Commands.RemoveJobCommand

# ----------------------------------------------------------- 1.7 Invoke-Command -AsJob

#### 1.7 Invoke-Command -JobName implies -AsJob; the parent joins the children's Locations
$j = Invoke-Command -ComputerName localhost, . { 'x' } -JobName Named
"$($j.GetType().Name) $($j.Name) $($j.PSJobTypeName) $($j.Location) $(($j.ChildJobs | ForEach-Object Location) -join ' ')"
"$(Receive-Job $j -Wait)"
## STDOUT:
PSRemotingJob Named RemoteJob localhost,localhost localhost localhost
x x
## END

#### 1.7 Invoke-Command -AsJob -HideComputerName clears PSShowComputerName
$o = Invoke-Command -ComputerName localhost { [pscustomobject]@{ A = 1 } } -AsJob -HideComputerName | Receive-Job -Wait
"$($o.PSComputerName) $($o.PSShowComputerName)"
## stdout: localhost False

#### 1.7 Invoke-Command -AsJob -ThrottleLimit: children over the limit wait as NotStarted
$j = Invoke-Command -ComputerName localhost, 127.0.0.1 { Start-Sleep 30 } -AsJob -ThrottleLimit 1
$j.ChildJobs[1].State
Stop-Job $j
"$($j.State) $(($j.ChildJobs | ForEach-Object State) -join ',')"
## STDOUT:
NotStarted
Stopped Stopped,Stopped
## END

# ------------------------------------------------------------ section 6, the error catalogue
# Not testable here: the Suspended/Disconnected warning of Wait-Job (psmini jobs never get
# there), -Session (psmini has no PSSession objects), a failed -AutoRemoveJob removal, a
# missing pwsh executable and constrained language mode.

#### 6 -Id not found: JobWithSpecifiedSessionNotFound from every job cmdlet, non-terminating
$n = 0
foreach ($c in 'Get-Job', 'Receive-Job', 'Wait-Job', 'Stop-Job', 'Remove-Job') {
    & $c -Id 99 -ErrorVariable e -ErrorAction SilentlyContinue
    $n++
    "$($e[0].FullyQualifiedErrorId) $($e[0].TargetObject)"
}
$e[0].Exception.Message
"ran on: $n"
## STDOUT:
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand 99
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand 99
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.WaitJobCommand 99
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.StopJobCommand 99
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.RemoveJobCommand 99
The command cannot find a job with the job ID 99. Verify the value of the Id parameter and then try the command again.
ran on: 5
## END

#### 6 -Name not found (no wildcard): JobWithSpecifiedNameNotFound from every job cmdlet
foreach ($c in 'Get-Job', 'Receive-Job', 'Wait-Job', 'Stop-Job', 'Remove-Job') {
    & $c -Name nosuch -ErrorVariable e -ErrorAction SilentlyContinue
    $e[0].FullyQualifiedErrorId
}
$e[0].Exception.Message
## STDOUT:
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.GetJobCommand
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.WaitJobCommand
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.StopJobCommand
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.RemoveJobCommand
The command cannot find the job because the job name nosuch was not found. Verify the value of the Name parameter, and then try the command again.
## END

#### 6 -InstanceId not found: JobWithSpecifiedInstanceIdNotFound from every job cmdlet
$g = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'
foreach ($c in 'Get-Job', 'Receive-Job', 'Wait-Job', 'Stop-Job', 'Remove-Job') {
    & $c -InstanceId $g -ErrorVariable e -ErrorAction SilentlyContinue
    $e[0].FullyQualifiedErrorId
}
$e[0].Exception.Message
## STDOUT:
JobWithSpecifiedInstanceIdNotFound,Microsoft.PowerShell.Commands.GetJobCommand
JobWithSpecifiedInstanceIdNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand
JobWithSpecifiedInstanceIdNotFound,Microsoft.PowerShell.Commands.WaitJobCommand
JobWithSpecifiedInstanceIdNotFound,Microsoft.PowerShell.Commands.StopJobCommand
JobWithSpecifiedInstanceIdNotFound,Microsoft.PowerShell.Commands.RemoveJobCommand
The command cannot find a job with the instance identifier 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0. Verify the value of the InstanceId parameter, and then try the command again.
## END

#### 6 the not-found errors are non-terminating: the next statement runs, -ErrorAction Stop throws
Get-Job -Id 99 2>$null
'still running'
try { Get-Job -Id 99 -ErrorAction Stop; 'not here' } catch { "caught $($_.FullyQualifiedErrorId)" }
## STDOUT:
still running
caught JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand
## END

#### 6 Receive-Job on a removed job: by Id or Name an error, the job object returns nothing
$j = Start-Job { 'gone' }
$null = Wait-Job $j -Timeout 20
Remove-Job $j
Receive-Job -Id 1 -ErrorVariable e1 -ErrorAction SilentlyContinue
Receive-Job -Name Job1 -ErrorVariable e2 -ErrorAction SilentlyContinue
$e1[0].FullyQualifiedErrorId
$e2[0].FullyQualifiedErrorId
"[$(Receive-Job $j -ErrorVariable e3)] $($e3.Count)"
## STDOUT:
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand
JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand
[] 0
## END

#### 6 Remove-Job of an unfinished job: JobObjectNotFinishedCannotBeRemoved, one text per parameter
$s = Start-Job { Start-Sleep 30 }
Remove-Job -Id 1 -ErrorVariable +e -ErrorAction SilentlyContinue
Remove-Job -Job $s -ErrorVariable +e -ErrorAction SilentlyContinue
Remove-Job -Name Job1 -ErrorVariable +e -ErrorAction SilentlyContinue
Remove-Job -InstanceId $s.InstanceId -ErrorVariable +e -ErrorAction SilentlyContinue
$e | ForEach-Object { $_.FullyQualifiedErrorId }
$e | ForEach-Object { $_.Exception.Message -replace [regex]::Escape($s.InstanceId), '<guid>' }
"$($e[0].TargetObject.Id) $($s.State)"
Stop-Job $s
## STDOUT:
JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand
JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand
JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand
JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand
The command cannot remove the job with the job ID 1 because the job is not finished. To remove the job, first stop the job, or use the Force parameter. (Parameter 'SessionId')
The command cannot remove the job with the job ID 1 because the job is not finished. To remove the job, first stop the job, or use the Force parameter. (Parameter 'Job')
The command cannot remove the job with the job ID 1 and the name Job1 because the job is not finished. To remove the job, first stop the job, or use the Force parameter. (Parameter 'Name')
The command cannot remove the job with the job ID 1 and the instance identifier <guid> because the job is not finished. To remove the job, first stop the job or use the Force parameter. (Parameter 'InstanceId')
1 Running
## END

#### 6 Remove-Job -Force of a running child job stops the child, then fails with CannotRemoveJob
$s = Start-Job { Start-Sleep 30 }
Remove-Job -Id 2 -Force -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].FullyQualifiedErrorId
"$($s.ChildJobs[0].State) $(@(Get-Job).Count)"
## STDOUT:
CannotRemoveJob,Microsoft.PowerShell.Commands.RemoveJobCommand
Stopped 1
## END

#### 6 Start-Job -ScriptBlock with a string is a binding error
try { Start-Job -ScriptBlock 'text' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
"jobs: $(@(Get-Job).Count)"
## STDOUT:
CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StartJobCommand
Cannot bind parameter 'ScriptBlock'. Cannot convert the "text" value of type "System.String" to type "System.Management.Automation.ScriptBlock".
jobs: 0
## END

#### 6 a syntax error in the block: nothing runs, no job is created
'before'
Start-Job { 1 + }
## stdout-json: ""
## status: 1

#### 6 a syntax error in a block given to Invoke-Expression creates no job
try { Invoke-Expression 'Start-Job { 1 + }' } catch { $_.FullyQualifiedErrorId -like 'ExpectedValueExpression*' }
"jobs: $(@(Get-Job).Count)"
## STDOUT:
True
jobs: 0
## END

#### 6 Start-Job without a script block: MissingMandatoryParameter
try { Start-Job } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
MissingMandatoryParameter,Microsoft.PowerShell.Commands.StartJobCommand
Cannot process command because of one or more missing mandatory parameters: ScriptBlock.
## END

#### 6 $using: of a variable the caller does not have: UsingVariableIsUndefined, no job
try { Start-Job { $using:undefinedVar } } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
"jobs: $(@(Get-Job).Count)"
## STDOUT:
UsingVariableIsUndefined,Microsoft.PowerShell.Commands.StartJobCommand
The value of the using variable '$using:undefinedVar' cannot be retrieved because it has not been set in the local session.
jobs: 0
## END

#### 6 $using: in -InitializationScript fails the job
$x = 1
$j = Start-Job { 'main' } -InitializationScript { $using:x }
$null = Wait-Job $j -Timeout 20
"$($j.State) $($j.ChildJobs[0].State)"
Receive-Job $j -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].Exception.Message -like '*A Using variable cannot be retrieved. A Using variable can be used only with Invoke-Command, Start-Job, or InlineScript in the script workflow. When it is used with Invoke-Command, the Using variable is valid only if the script block is invoked on a remote computer.*'
## STDOUT:
Failed Failed
True
## END

#### 6 an init script that leaves an error in $Error fails the job, even a silenced one
$j = Start-Job { 'main' } -InitializationScript { Write-Error 'init trouble' -ErrorAction SilentlyContinue }
$null = Wait-Job $j -Timeout 20
"$($j.State) $($j.ChildJobs[0].State)"
Receive-Job $j -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].Exception.Message
## STDOUT:
Failed Failed
Running startup script threw an error: init trouble.
## END

#### 6 Start-Job -FilePath must name a .ps1 file, without wildcards
try { Start-Job -FilePath ./jobs.test.ps1x } catch { $_.Exception.Message }
try { Start-Job -FilePath ./*.ps1 } catch { $_.Exception.Message }
## STDOUT:
The value of the FilePath parameter must be a PowerShell script file. Enter the path to a file with a .ps1 file name extension and try the command again.
Wildcard characters are not supported for the FilePath parameter. Specify a path without wildcard characters.
## END

#### 6 Start-Job -WorkingDirectory: a missing folder, and a blank value
try { Start-Job { 1 } -WorkingDirectory /no/such/dir } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Start-Job { 1 } -WorkingDirectory ' ' } catch { $_.FullyQualifiedErrorId }
"jobs: $(@(Get-Job).Count)"
## STDOUT:
DirectoryNotFoundException,Microsoft.PowerShell.Commands.StartJobCommand
Cannot find the WorkingDirectory path /no/such/dir.
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartJobCommand
jobs: 0
## END

#### 6 Receive-Job -Wait -Keep: the setter's message wrapped by the binder
# pwsh binds -Wait, then -Keep's setter throws; the binder reports ParameterBindingFailed with
# "Cannot bind parameter '<name>' to the target. Exception setting "<name>": "<message>""
$j = Start-Job { 1 }
try { Receive-Job $j -Wait -Keep } catch { $_.Exception.Message }
$null = Wait-Job $j -Timeout 20
## stdout: Cannot bind parameter 'Keep' to the target. Exception setting "Keep": "The Wait and Keep parameters cannot be used together in the same command."
