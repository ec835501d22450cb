# Stop-Job (silent on finished jobs, -PassThru writes every matched job) and Remove-Job
# (refuses unfinished jobs without -Force, child jobs never; -State bypasses the check).
$done = Start-Job { 'x' }
$null = Wait-Job $done -Timeout 10
$s = Start-Job { Start-Sleep 10 }
Remove-Job $s
Remove-Job -Id $s.Id
Remove-Job -Name $s.Name
Remove-Job -Id $s.ChildJobs[0].Id
Stop-Job $s -WhatIf
Remove-Job $done -WhatIf
"after whatif: $($s.State) $((Get-Job).Count)"
(Stop-Job $done, $s -PassThru | ForEach-Object { "$($_.Id) $($_.State)" }) -join ', '
Stop-Job $s
"state: $($s.State)"
Receive-Job $s
'-- stopped job gave nothing'
$r = Start-Job { Start-Sleep 10 }
Remove-Job -State Running
"gone: $((Get-Job).Count) $($r.State)"
$f = Start-Job { Start-Sleep 10 }
Remove-Job $f -Force
Get-Job | ForEach-Object Id
spjb -Id 99
rjb -Id 99
