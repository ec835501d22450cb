# Start-ThreadJob: one job without children at Location PowerShell; $using:, arguments,
# input, the init script's output is part of the job's; a throw fails the job with its reason.
$v = 42
$t = Start-ThreadJob { param($a) "arg=$a using=$using:v" } -ArgumentList 7 -ThrottleLimit 5
"$($t.PSJobTypeName) $($t.Location) $($t.ChildJobs.Count) [$($t.Command)]"
Receive-Job $t -Wait
Start-ThreadJob { 'Goodbye' } -InitializationScript { 'Hello' } | Receive-Job -Wait
1..3 | Start-ThreadJob { $input | ForEach-Object { $_ * 2 } } | Receive-Job -Wait
$f = Start-ThreadJob { throw 'ThreadBoom' }
$null = Wait-Job $f -Timeout 10
"$($f.State) $($f.JobStateInfo.Reason)"
Receive-Job $f 2>&1 | ForEach-Object { "err: $_" }
$null = Get-Job | Wait-Job -Timeout 10
Get-Job | Format-Table Id, Name, PSJobTypeName, State, Location
