# Wait-Job: -Job and -Id binding, output in input order, -Any, -Timeout 0 returns nothing,
# no jobs -> nothing (jobs.md 3.5).
$a = Start-Job { 'a' }
$b = Start-Job { 'b' }
(Wait-Job $b, $a -Timeout 10 | ForEach-Object Name) -join ','
(Wait-Job -Id $a.Id, $b.Id -Timeout 10 | ForEach-Object Name) -join ','
(Wait-Job $a.Id -Timeout 10).Name
(wjb -Name Job3 -Timeout 10).Name
$s = Start-Job { Start-Sleep 10 }
(Wait-Job $s, $b, $a -Any -Timeout 10).Name
"timeout 0: $((Wait-Job $a -Timeout 0) -eq $null)"
"running: $((Get-Job -Id $s.Id).State)"
Stop-Job $s
"stopped: $($s.State) $($s.ChildJobs[0].State)"
Get-Job | Remove-Job
"none: $((Get-Job | Wait-Job -Timeout 10) -eq $null)"
Wait-Job -Id 42 -Timeout 1
