# Ctrl+C (SIGINT) while Wait-Job, Receive-Job -Wait or a synchronous Invoke-Command waits for a
# job: the wait ends at once (its poll watches the runspace's stop fd), finally blocks run and
# the script stops with status 1.  2026-11-24.  Uses the host tests' helpers.
. ../host/interrupt_lib.sh
run_interrupted '$j = Start-Job { Start-Sleep 60 }; Write-Host "ready $PID"; try { Wait-Job $j } finally { Write-Host "finally" }; "not reached"'
run_interrupted '$j = Start-ThreadJob { Start-Sleep 60 }; Write-Host "ready $PID"; try { Receive-Job $j -Wait } finally { Write-Host "finally" }; "not reached"'
run_interrupted 'Write-Host "ready $PID"; try { Invoke-Command -ComputerName localhost { Start-Sleep 60 } } finally { Write-Host "finally" }; "not reached"'
