# Job cmdlets (job issue: jobcmds, 2026-11-24): Start-Job, Get-Job, Receive-Job, Wait-Job,
# Stop-Job, Remove-Job, Start-ThreadJob, Invoke-Command.  PowerShell 7.5 reference pages and
# jobs.md (sections 3 and 6).

#### The job aliases
'sajb', 'gjb', 'rcjb', 'wjb', 'spjb', 'rjb', 'icm' | ForEach-Object { (Get-Alias $_).Definition }
## STDOUT:
Start-Job
Get-Job
Receive-Job
Wait-Job
Stop-Job
Remove-Job
Invoke-Command
## END

#### No jobs: Get-Job and Get-Job | Wait-Job write nothing
"[$(Get-Job)] [$(Get-Job | Wait-Job -Timeout 1)]"
## stdout: [] []

#### Wait-Job binds a job object to -Job and a number to -Id
$j = Start-Job { 'r' }
(Wait-Job $j -Timeout 10).Id
(Wait-Job 1 -Timeout 10).Id
Receive-Job 1
## STDOUT:
1
1
r
## END

#### A job object given positionally to Get-Job binds to -Name
$j = Start-ThreadJob { 1 }
try { Get-Job $j -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
$null = Wait-Job $j -Timeout 10
## stdout: JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.GetJobCommand

#### Get-Job -Id not found is non-terminating
Get-Job -Id 99 -ErrorVariable e -ErrorAction SilentlyContinue
$e[0].FullyQualifiedErrorId
$e[0].Exception.Message
## STDOUT:
JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand
The command cannot find a job with the job ID 99. Verify the value of the Id parameter and then try the command again.
## END

#### Start-Job without a script block
try { Start-Job } catch { $_.FullyQualifiedErrorId }
## stdout: MissingMandatoryParameter,Microsoft.PowerShell.Commands.StartJobCommand

#### Receive-Job -Keep keeps, a plain receive drains (HasMoreData)
$j = Start-Job { 1; 2 }
$null = Wait-Job $j -Timeout 10
(Receive-Job $j -Keep).Count
$j.HasMoreData
(Receive-Job $j).Count
$j.HasMoreData
(Receive-Job $j).Count
## STDOUT:
2
True
2
False
0
## END

#### Start-ThreadJob output, $using: and Id
$v = 'used'
Start-ThreadJob { "$using:v" } | Receive-Job -Wait
## stdout: used

#### Receive-Job -Wait -WriteEvents: the data, then state events (child, then parent)
$r = Start-Job { 1 + 1 } | Receive-Job -Wait -WriteEvents
$r.Count
$r[0]
"$($r[1].JobStateInfo) $($r[2].JobStateInfo) $($r[2].PSEventObject)"
## STDOUT:
3
2
Completed Completed True
## END

#### Stop-Job is silent on a finished job; -PassThru writes it anyway
$j = Start-Job { 'x' }
$null = Wait-Job $j -Timeout 10
Stop-Job $j
(Stop-Job $j -PassThru).State
## stdout: Completed

# ------------------------------------------------ job issue 5 leftovers (2026-11-24)

#### $using: values are seen only through $using:, in process and thread jobs alike
$x = 'caller'
Start-Job { "[$using:x] [$x] [$(Test-Path variable:x)]" } | Receive-Job -Wait
Start-ThreadJob { "[$using:x] [$x] [$(Test-Path variable:x)]" } | Receive-Job -Wait
Start-Job { & { "nested [$using:x]" } } | Receive-Job -Wait
## STDOUT:
[caller] [] [False]
[caller] [] [False]
nested [caller]
## END

#### $using:script:x, $using:global:x and $using:env:x unbraced read the caller's scopes
$x = 'script x'
$global:g = 'global g'
function Show { $x = 'local x'; Start-Job { "$using:x|$using:script:x|$using:global:g|$($using:global:g.Length)" } | Receive-Job -Wait }
Show
$env:PSM_H11 = 'from env'
Start-Job { "$using:env:PSM_H11|${using:env:PSM_H11}" } | Receive-Job -Wait
## STDOUT:
local x|script x|global g|8
from env|from env
## END

#### $using: outside a job block is UsingWithoutInvokeCommand, a statement-terminating error
$x = 1
try { $using:x } catch { "$($_.FullyQualifiedErrorId) $($_.CategoryInfo.Category)"; $_.Exception.Message }
& { $using:x; 'next statement runs' } 2>$null
## STDOUT:
UsingWithoutInvokeCommand InvalidOperation
A Using variable cannot be retrieved. A Using variable can be used only with Invoke-Command, Start-Job, or InlineScript in the script workflow. When it is used with Invoke-Command, the Using variable is valid only if the script block is invoked on a remote computer.
next statement runs
## END

#### -InitializationScript: a throw fails a Start-Job; a silenced error fails it, not a thread job
$j = Start-Job { 'main' } -InitializationScript { throw 'init boom' }
Receive-Job $j -Wait -ErrorVariable e -ErrorAction SilentlyContinue
"$($j.State) $($e[0].Exception.Message)"
Start-ThreadJob { 'thread main' } -InitializationScript { Write-Error 'quiet' -ErrorAction SilentlyContinue } | Receive-Job -Wait
Start-Job { "init=$init" } -InitializationScript { $global:init = 'ok' } | Receive-Job -Wait
## STDOUT:
Failed Running startup script threw an error: init boom.
thread main
init=ok
## END

#### Start-Job -PSVersion 5.1 is accepted (outside Windows the job runs in this shell)
Start-Job { 'ran' } -PSVersion 5.1 | Receive-Job -Wait
try { Start-Job { 1 } -PSVersion 7.4 } catch { $_.Exception.Message }
"jobs: $(@(Get-Job).Count)"
## STDOUT:
ran
Cannot bind parameter 'PSVersion' to the target. Exception setting "PSVersion": "The value 7.4 is not valid for the PSVersion parameter. The only allowed value is 5.1."
jobs: 1
## END

#### Receive-Job -Keep -Wait: the parameter bound second is the one named
$j = Start-Job { 1 }
try { Receive-Job $j -Keep -Wait } catch { $_.Exception.Message }
$null = Wait-Job $j -Timeout 20
## stdout: Cannot bind parameter 'Wait' to the target. Exception setting "Wait": "The Wait and Keep parameters cannot be used together in the same command."

#### received objects: RunspaceId is a Guid; the table hides PSShowComputerName, and PSComputerName unless shown
$o = Start-Job { [pscustomobject]@{ A = 1 } } | Receive-Job -Wait
$o.RunspaceId -is [guid]
($o | Format-Table | Out-String -Stream | Select-Object -Skip 1 -First 1)
$o | Format-List | Out-String -Stream | Where-Object { $_ -match ':' } | ForEach-Object { ($_ -split ':')[0].Trim() }
$h = Invoke-Command -ComputerName localhost { [pscustomobject]@{ A = 1 } } -AsJob | Receive-Job -Wait
($h | Format-Table | Out-String -Stream | Select-Object -Skip 1 -First 1)
$o | Format-Table A, PSShowComputerName | Out-String -Stream | Select-Object -Skip 1 -First 1
## STDOUT:
True
A RunspaceId
A
RunspaceId
A PSComputerName RunspaceId
A PSShowComputerName
## END

#### a thread job's runspace has its own job table; Ids still come from the one counter
Start-ThreadJob { Start-Job { 1 } | Out-Null; (Get-Job).Count } | Receive-Job -Wait
(Get-Job | ForEach-Object { "$($_.Id) $($_.PSJobTypeName)" }) -join ','
$t = Start-ThreadJob { $j = Start-Job { 'inner' }; "$($j.Id) $(Receive-Job $j -Wait)" }
Receive-Job $t -Wait
(Start-Job { 1 }).Id
## STDOUT:
1
1 ThreadJob
5 inner
7
## END

#### jobs started inside a thread job are stopped and reaped when its runspace ends
# (the inner job's process reports its pid; once the thread job is done the process is gone,
# not even a zombie; the loops only bound a broken build)
$t = Start-ThreadJob {
    $j = Start-Job { $PID; Start-Sleep 60 }
    $p = $null
    for ($i = 0; $i -lt 400 -and -not $p; $i++) { $p = Receive-Job $j; Start-Sleep -Milliseconds 20 }
    $p
}
$p = Receive-Job $t -Wait
"started: $($p -gt 0)"
for ($i = 0; $i -lt 200 -and (Test-Path "/proc/$p"); $i++) { Start-Sleep -Milliseconds 50 }
"gone: $(-not (Test-Path "/proc/$p")) $(@(Get-Job).Count)"
## STDOUT:
started: True
gone: True 1
## END

#### Write-Information in a job reaches its Information stream under SilentlyContinue
# (pwsh adds every information record to the stream; the preference only decides whether it
# is shown, in the job and again where Receive-Job writes it)
$j = Start-Job { Write-Information 'pinfo'; 'out' }
$t = Start-ThreadJob { Write-Information 'tinfo'; 'out' }
$null = Wait-Job $j, $t -Timeout 20
"$($j.ChildJobs[0].Information.Count) $($j.ChildJobs[0].Information[0]) $($t.Information.Count) $($t.Information[0])"
Receive-Job $j -Keep
Receive-Job $t -Keep
"captured: $(Receive-Job $j -Keep 6>&1)"
Receive-Job $t -Keep -InformationAction Continue
Receive-Job $j -Keep -InformationVariable iv | Out-Null
"iv: $iv"
$k = Start-Job { Write-Information 'ignored' -InformationAction Ignore; Write-Host 'host' }
$null = Wait-Job $k -Timeout 20
Receive-Job $k
"$($k.ChildJobs[0].Information.Count)"
## STDOUT:
1 pinfo 1 tinfo
out
out
captured: pinfo out
out
tinfo
iv: pinfo
host
1
## END

#### a job waiting in Read-Host is Blocked; without a terminal Receive-Job fails the read
# (on a terminal Receive-Job reads the answer there; a script has none, so the job's read fails
# as in pwsh -NonInteractive and the job goes on)
$j = Start-Job { $n = Read-Host 'name'; "got [$n]" }
for ($i = 0; $i -lt 200 -and $j.State -ne 'Blocked'; $i++) { Start-Sleep -Milliseconds 50; $null = Get-Job }
"$($j.State) $($j.ChildJobs[0].State) $((Get-Job -State Blocked).Id)"
Receive-Job $j -Wait -ErrorVariable ev -ErrorAction SilentlyContinue
"$($j.State) $($ev[0].FullyQualifiedErrorId)"
$ev[0].Exception.Message
## STDOUT:
Blocked Blocked 1
name: got []
Completed InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand
PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
## END

#### a thread job waiting in Read-Host is Blocked; Stop-Job ends a Blocked job as Stopped
$t = Start-ThreadJob { Read-Host 'x'; 'not reached' }
for ($i = 0; $i -lt 200 -and $t.State -ne 'Blocked'; $i++) { Start-Sleep -Milliseconds 50 }
"$($t.State)"
try { Wait-Job $t -Any } catch { $_.FullyQualifiedErrorId }
Stop-Job $t
"$($t.State) $(@(Receive-Job $t).Count)"
$j = Start-Job { Read-Host 'y' }
for ($i = 0; $i -lt 200 -and $j.State -ne 'Blocked'; $i++) { Start-Sleep -Milliseconds 50; $null = Get-Job }
Stop-Job $j
"$($j.State) $($j.ChildJobs[0].State)"
## STDOUT:
Blocked
BlockedJobsDeadlockWithWaitJob,Microsoft.PowerShell.Commands.WaitJobCommand
x: Stopped 0
Stopped Stopped
## END

#### Write-Host -NoNewline in a job stays on its line where Receive-Job shows it
Start-Job { Write-Host a -NoNewline; Write-Host b; 'out' } | Receive-Job -Wait
Start-ThreadJob { Write-Host c -NoNewline; Write-Host d } | Receive-Job -Wait
## STDOUT:
ab
out
cd
## END

#### a job's properties follow the job without Get-Job or Wait-Job in the loop
# (the usual `while ($j.State -eq 'Running') { Start-Sleep }` idiom; the bound only keeps a
# broken build from hanging)
$j = Start-Job { 'done' }
for ($i = 0; $i -lt 1000 -and $j.State -eq 'Running'; $i++) { Start-Sleep -Milliseconds 20 }
"$($j.State) $($j.HasMoreData)"
Receive-Job $j
$r = Invoke-Command -ComputerName localhost, 127.0.0.1 { 'child' } -AsJob -ThrottleLimit 1
for ($i = 0; $i -lt 1000 -and $r.State -ne 'Completed'; $i++) { Start-Sleep -Milliseconds 20 }
"$($r.State) $(($r.ChildJobs | ForEach-Object State) -join ',')"
$b = Start-Job { Read-Host 'q' }
for ($i = 0; $i -lt 1000 -and $b.State -ne 'Blocked'; $i++) { Start-Sleep -Milliseconds 20 }
$b.State
Stop-Job $b
## STDOUT:
Completed True
done
Completed Completed,Completed
Blocked
## END
