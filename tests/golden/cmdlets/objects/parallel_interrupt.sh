# Ctrl+C (SIGINT) while ForEach-Object -Parallel waits for its blocks: the wait ends at once
# (it polls the runspace's stop fd), the blocks are stopped, finally blocks run and the script
# stops with status 1.
. ../../host/interrupt_lib.sh
run_interrupted 'Write-Host "ready $PID"; try { 1..3 | ForEach-Object -Parallel { Start-Sleep 60 } } finally { Write-Host "finally" }; "not reached"'
run_interrupted 'Write-Host "ready $PID"; try { 1..3 | ForEach-Object -Parallel { while ($true) { } } -ThrottleLimit 1 } finally { Write-Host "finally" }; "not reached"'
