# Job Ids: one counter for parents, children and thread jobs (parent before child); names
# Job<Id>; the Job table view (jobs.md 5.1, 5.2); Get-Job sorted by Id; -IncludeChildJob.
$a = Start-Job { 1 + 1 }
$t = Start-ThreadJob { 1 + 1 }
$b = Start-Job { 1 + 1 } -Name Second
"$($a.Id) $($a.Name) $($a.ChildJobs[0].Id) $($a.ChildJobs[0].Name)"
"$($t.Id) $($t.Name) $($t.ChildJobs.Count)"
"$($b.Id) $($b.Name) $($b.ChildJobs[0].Name)"
$null = Get-Job | Wait-Job -Timeout 10
Get-Job
Get-Job -IncludeChildJob | Format-Table
$n = Start-Job {
'multi-line' }
$l = Start-Job { 'a command text that is longer than the column' }
$null = $n, $l | Wait-Job -Timeout 10
Get-Job -Id $n.Id, $l.Id | Format-Table
Get-Job -Name J*6 | Format-Table Id, Name
Get-Job -Command '1 + 1' | ForEach-Object Id
Get-Job -Command '*column*' | ForEach-Object Id
Get-Job -State Completed -ChildJobState Completed | ForEach-Object Id
