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
