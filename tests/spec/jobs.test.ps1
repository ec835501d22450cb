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
