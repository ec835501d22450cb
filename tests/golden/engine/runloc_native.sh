# Native programs started by a thread job run in their own process group
# (the terminal's Ctrl+C, sent to the shell's group, does not reach them), read /dev/null
# unless piped, and Stop-Job kills the whole group (a grandchild too).  Natives of the shell
# itself stay in the shell's group and read its stdin, as in pwsh.  Stop-Job returns only
# when they are gone, and a shell that exits while a thread job's program runs takes it
# along.  No timing is asserted: the loops only bound a broken build.
work=$(mktemp -d)
mark="31.$$"  # sleep's argument: a marker no other process has
mark2="32.$$" # the same for the exit case
trap 'for p in $(pgrep -f "sleep $mark") $(pgrep -f "sleep $mark2"); do kill "$p"; done; rm -rf "$work"' EXIT
cat >"$work/t.ps1" <<'PS'
param($mark)
$group = 'read p c s pp g r < /proc/$$/stat; [ "$g" = "$$" ] && echo own group || echo shared group'
"shell: $(sh -c $group)"
"thread: $(Start-ThreadJob { sh -c $using:group } | Receive-Job -Wait -AutoRemoveJob)"
"shell stdin: $(sh -c 'read x; echo "[$x]"')"
"thread stdin: $(Start-ThreadJob { sh -c 'read x; echo "[$x]"' } | Receive-Job -Wait -AutoRemoveJob)"
"thread piped: $(Start-ThreadJob { 'a', 'b' | sh -c 'cat' } | Receive-Job -Wait -AutoRemoveJob)"
$j = Start-ThreadJob { sh -c "sleep $using:mark; echo not reached" }
for ($i = 0; $i -lt 400 -and -not (pgrep -f "sleep $mark"); $i++) { Start-Sleep -Milliseconds 50 }
"started: $([bool](pgrep -f "sleep $mark"))"
Stop-Job $j
"state: $($j.State)"
Receive-Job $j
PS
cat >"$work/exit.ps1" <<'PS'
param($mark)
$j = Start-ThreadJob { sh -c "sleep $using:mark; echo not reached" }
for ($i = 0; $i -lt 400 -and -not (pgrep -f "sleep $mark"); $i++) { Start-Sleep -Milliseconds 50 }
"exit with the job running: $([bool](pgrep -f "sleep $mark"))"
PS
printf 'from the terminal\nsecond line\n' | "$PSMINI" -NoProfile -File "$work/t.ps1" "$mark"
# gone: the group was sent SIGKILL before the shell ended (a moment for the kernel to finish)
gone() {
    i=0
    while pgrep -f "sleep $1" >/dev/null && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.05; done
    pgrep -f "sleep $1" >/dev/null && echo "sleep left running" || echo "no sleep left"
}
gone "$mark"
"$PSMINI" -NoProfile -File "$work/exit.ps1" "$mark2" </dev/null
gone "$mark2"
