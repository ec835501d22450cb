# Ctrl+C (SIGINT) in the interactive loop (test mode, lines from a FIFO): the running input
# stops silently, finally blocks run, the shell lives on with a fresh prompt and $? is False;
# a Ctrl+C between inputs stops nothing.  2026-11-24.
. ./interrupt_lib.sh
mkfifo "$work/in"
timeout -s KILL 20 "$PSMINI" --test-repl <"$work/in" >"$work/out" 2>&1 &
bg=$!
exec 3>"$work/in"
echo 'try { Write-Host "ready $PID"; while ($true) { } } finally { Write-Host "finally ran" }' >&3
wait_for ready "$work/out" && kill -INT "$(ready_pid "$work/out")"
echo '"alive: $?"' >&3
wait_for alive "$work/out" && kill -INT "$(ready_pid "$work/out")"
echo '"still alive"' >&3
exec 3>&-
wait $bg
echo "exit $?"
show "$work/out"
