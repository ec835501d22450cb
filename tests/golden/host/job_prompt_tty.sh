# A job waiting in Read-Host is Blocked; on a terminal, Receive-Job shows the job's prompt
# and sends the line typed there as the answer, and the job goes on (a pty from util-linux
# `script`; skipped when `script` or ptys are unavailable).  Waits for marker text, never
# for a time.
command -v script >/dev/null 2>&1 || exit 77
script -qec true /dev/null </dev/null >/dev/null 2>&1 || exit 77
. ./interrupt_lib.sh
start_tty
prompts 1
printf '$j = Start-Job { $n = Read-Host "your name"; "got [$n]" }; $t = Start-ThreadJob { "thread [$(Read-Host who)]" }\r' >&3
prompts 2
printf 'while ($j.State -ne "Blocked" -or $t.State -ne "Blocked") { Start-Sleep -m 20 }; "$($j.State) $($t.State)"\r' >&3
prompts 3
printf 'Receive-Job $j\r' >&3
wait_for 'your name: ' "$work/out"
printf 'bob\r' >&3
prompts 4
printf 'Receive-Job $j -Wait\r' >&3
prompts 5
printf 'Receive-Job $t\r' >&3
wait_for 'who: ' "$work/out"
printf 'ann\r' >&3
prompts 6
printf 'Receive-Job $t -Wait; "$($j.State) $($t.State)"\r' >&3
prompts 7
end_tty
