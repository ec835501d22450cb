# Ctrl+C (SIGINT) while a script runs: the running pipeline stops and nothing is printed for
# it; finally blocks run (Write-Host works there, their output is dropped), catch blocks and
# traps do not; the rest of the script is skipped and the exit status is 1.  Start-Sleep,
# deep calls and pipelines are interrupted too.  2026-11-24.
. ./interrupt_lib.sh
run_interrupted 'try { Write-Host "ready $PID"; while ($true) { } } catch { "caught" } finally { Write-Host "finally ran"; "dropped" }; "not reached"'
run_interrupted 'trap { "trapped" }; Write-Host "ready $PID"; Start-Sleep 100; "not reached"'
run_interrupted 'function f { Write-Host "ready $PID"; g }; function g { for (;;) { } }; f; "not reached"'
run_interrupted '1..1000000000 | ForEach-Object { if ($_ -eq 1) { Write-Host "ready $PID" } }; "not reached"'
run_interrupted 'do { Write-Host "ready $PID"; while ($true) { continue } } while ($true)'
