# Ctrl+C on a terminal (a pty from util-linux `script`): at the prompt it shows "^C", drops the
# line (an unfinished multi-line input too) and gives a fresh prompt; a foreground native
# program (sh, then sleep) gets the terminal's SIGINT and the shell lives on ($LASTEXITCODE 130); a
# script loop or a Read-Host stops silently ($? False), and Read-Host works again afterwards;
# process and thread jobs started before live on.  The next prompt always starts on a fresh
# line.  Skipped when `script` or ptys are unavailable.  2026-11-24.
command -v script >/dev/null 2>&1 || exit 77
script -qec true /dev/null </dev/null >/dev/null 2>&1 || exit 77
. ./interrupt_lib.sh
start_tty
prompts 1
printf 'abc' >&3
wait_for 'abc' "$work/out"
printf '\003' >&3
prompts 2
printf 'if ($x) {\r' >&3
wait_count 1 '>> ' "$work/out"
printf '\003' >&3
prompts 3
printf '$g = "%s/go"; $b = { while (!(Test-Path $using:g)) { Start-Sleep -m 20 }; "ok" }\r' \
    "$work" >&3
prompts 4
printf '$pj = Start-Job $b; $tj = Start-ThreadJob $b\r' >&3
prompts 5
printf 'sh -c "echo rea\047\047dy 1; exec sleep 100"\r' >&3 # the marker comes from the child
wait_for 'ready [0-9]' "$work/out"
printf '\003' >&3
prompts 6
printf '"alive $LASTEXITCODE"\r' >&3
prompts 7
printf 'Write-Host "ready $PID"; while ($true) { }\r' >&3
wait_count 2 'ready [0-9]' "$work/out"
printf '\003' >&3
prompts 8
printf '"alive $?"\r' >&3
prompts 9
: >"$work/go" # the jobs lived through the Ctrl+Cs: now they may end
printf '"jobs: $((Receive-Job $pj, $tj -Wait) -join ",")"\r' >&3
prompts 10
printf '$x = Read-Host "name"; "got [$x]"\r' >&3
wait_for 'name:' "$work/out"
printf '\003' >&3
prompts 11
printf '$x = Read-Host "name"; "got [$x]"\r' >&3
wait_count 2 'name:' "$work/out"
printf 'zz\r' >&3
prompts 12
end_tty
