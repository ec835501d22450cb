# Stop-Job stops the script of a running thread job (interp_request_stop on its runspace): with
# a throttle limit of 1 the next thread job can only start once the stopped one's thread has
# really ended, so 'second' shows that the endless loop was left.  2026-11-24.
$j = Start-ThreadJob { 'started'; while ($true) { } } -ThrottleLimit 1
for ($k = 0; $k -lt 2000 -and -not $j.HasMoreData; $k++) { Start-Sleep -Milliseconds 5 }
Receive-Job $j
Stop-Job $j
$j.State
$k = Start-ThreadJob { 'second' }
$null = Wait-Job $k -Timeout 30
"$($k.State)"
Receive-Job $k
$s = Start-ThreadJob { Start-Sleep 100 }
Stop-Job $s
$t = Start-ThreadJob { 'third' }
$null = Wait-Job $t -Timeout 30
"$($s.State) $($t.State)"
Receive-Job $t
