# The background operator `pipeline &` (jobs.md 1.6).  Added 2026-11-24, bgop issue.
# Each case is a fresh process, so job ids start at 1.  No timing: Receive-Job -Wait and
# Wait-Job -Timeout only.

#### an expression can be backgrounded
$j = 2+3 &
$j.Command
Receive-Job $j -Wait
## STDOUT:
2+3
5
## END

#### the job is a normal BackgroundJob with a child
$j = 'x' &
$null = Wait-Job $j -Timeout 20
"$($j.Id) $($j.Name) $($j.PSJobTypeName) $($j.ChildJobs.Count) $($j.ChildJobs[0].Id) $($j.State)"
## stdout: 1 Job1 BackgroundJob 1 2 Completed

#### a variable that does not exist in the caller is left alone (null in the job)
$j = Write-Output "Hi $name" &
$j.Command
"[$(Receive-Job $j -Wait)]"
## STDOUT:
Write-Output "Hi $name"
[Hi ]
## END

#### existing variables become ${using:name}, in strings and nested script blocks too
$n = 3
$s = 'ab'
$j = 1..$n | ForEach-Object { "$s$_" } | Where-Object { $_ -ne "$($s)2" } &
$j.Command
Receive-Job $j -Wait
## STDOUT:
1..${using:n} | ForEach-Object { "${using:s}$_" } | Where-Object { $_ -ne "$(${using:s})2" }
ab1
ab3
## END

#### the automatic variables of the exempt list are never rewritten
$j = Write-Output $PID $global:PID $True $false $NULL $PSHome $PSEdition $Host $PSVersionTable &
$j.Command
## stdout: Write-Output $PID $global:PID $True $false $NULL $PSHome $PSEdition $Host $PSVersionTable

#### a variable created after the job started is not captured
$j = Write-Output "[$later]" &
$later = 1
Receive-Job $j -Wait
## stdout: []

#### cmd1 & cmd2: cmd1 runs as a job, cmd2 in the foreground
$out = & { Write-Output bg & Write-Output fg }
$out.Count
$out[0].Command
$out[1]
Receive-Job $out[0] -Wait
## STDOUT:
2
Write-Output bg
fg
bg
## END

#### redirections happen in the job
$f = 'bg_spec_redirect.txt'
$j = Write-Output hello > $f &
$j.Command
"[$(Receive-Job $j -Wait)]"
Get-Content $f
Remove-Item $f
## STDOUT:
Write-Output hello > ${using:f}
[]
hello
## END

#### the job runs in the caller's current directory
$here = (Get-Location).Path
$j = (Get-Location).Path &
(Receive-Job $j -Wait) -eq $here
## stdout: True

#### the caller's value is taken when the job starts
$v = 'old'
$j = "$v" &
$v = 'new'
Receive-Job $j -Wait
## stdout: old

#### Get-Job -Command matches the rewritten text
$a = 7
$j = $a * 6 &
$null = Wait-Job $j -Timeout 20
(Get-Job -Command '${using:a} * 6').Id
Receive-Job $j
## STDOUT:
1
42
## END

#### && after a backgrounded pipeline is a parse error
Write-Output a & && Write-Output b
## status: 1
