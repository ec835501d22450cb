# Invoke-Command: in process (synchronous, -ArgumentList, pipeline input, -NoNewScope) and
# -AsJob/-JobName on local computer names; a non-local name fails its child (jobs.md 1.7).
$y = 1
Invoke-Command { param($a) "local $a" } -ArgumentList 5
Invoke-Command { $y = 2 } -NoNewScope
"y=$y"
icm -ComputerName localhost { 'remote ran' }
$j = Invoke-Command -ComputerName localhost, . { 'as job' } -JobName Remote1
"$($j.Name) $($j.PSJobTypeName) $($j.ChildJobs.Count) $($j.Location)"
$null = Wait-Job $j -Timeout 10
Receive-Job $j
$bad = Invoke-Command -ComputerName localhost, no-such-host.invalid { 'x' } -AsJob
$null = Wait-Job $bad -Timeout 10
"$($bad.State) $(($bad.ChildJobs | ForEach-Object State) -join ',')"
