#!/bin/sh
# bench/jobs.sh: the four job benchmarks of the job issue in one hyperfine run, each next to
# the same work in bash (make bench-jobs).  Prints hyperfine's summary, then the peak memory of
# the 1,000-job case (GNU time).  Divide by the job count for the per-job figures.
#   PSMINI  the binary (default ./psmini)     RUNS  hyperfine --runs (default 10)
#   1. round trip: 200 x (Start-Job { 1 } | Wait-Job | Receive-Job)  vs  200 x ( echo 1 ) & wait
#   2. round trip: 200 x (Start-ThreadJob { 1 } | Wait-Job | Receive-Job)
#   3. throughput: 1,000,000 integers out of one job  vs  seq 1000000 through a pipe
#   4. fan-out: 1,000 jobs started at once, then Get-Job | Wait-Job | Receive-Job
#      vs 1,000 background subshells and wait
PSMINI=${PSMINI:-./psmini}
RUNS=${RUNS:-10}
command -v hyperfine >/dev/null 2>&1 || { echo "(hyperfine not installed: skipped)"; exit 0; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

# hyperfine -N splits on spaces, so each program is a file
printf 'for ($i = 0; $i -lt 200; $i++) { $null = Start-Job { 1 } | Wait-Job | Receive-Job }\n' >"$d/rt.ps1"
printf 'for ($i = 0; $i -lt 200; $i++) { $null = Start-ThreadJob { 1 } | Wait-Job | Receive-Job }\n' >"$d/trt.ps1"
printf 'for i in $(seq 200); do ( echo 1 ) >/dev/null & wait; done\n' >"$d/rt.sh"
printf '(Start-Job { 1..1000000 } | Receive-Job -Wait -AutoRemoveJob | Measure-Object).Count\n' >"$d/tput.ps1"
printf '( seq 1000000 ) | wc -l\n' >"$d/tput.sh"
printf '1..1000 | ForEach-Object { $null = Start-Job { $using:_ } }; (Get-Job | Wait-Job | Receive-Job).Count\n' >"$d/many.ps1"
printf 'for i in $(seq 1000); do ( echo $i ) >/dev/null & done; wait\n' >"$d/many.sh"

hyperfine -N --warmup 1 --runs "$RUNS" --style basic \
    -n "psmini 200 Start-Job round trips" "$PSMINI -NoProfile -File $d/rt.ps1" \
    -n "psmini 200 Start-ThreadJob round trips" "$PSMINI -NoProfile -File $d/trt.ps1" \
    -n "bash 200 ( echo 1 ) & wait" "bash $d/rt.sh" \
    -n "psmini 1M integers from a job" "$PSMINI -NoProfile -File $d/tput.ps1" \
    -n "bash seq 1000000 | wc -l" "bash $d/tput.sh" \
    -n "psmini 1,000 jobs at once" "$PSMINI -NoProfile -File $d/many.ps1" \
    -n "bash 1,000 subshells at once" "bash $d/many.sh"

if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "psmini 1,000 jobs: %e s, peak %M KB" "$PSMINI" -NoProfile -File "$d/many.ps1" >/dev/null
    /usr/bin/time -f "psmini 1M integers: %e s, peak %M KB" "$PSMINI" -NoProfile -File "$d/tput.ps1" >/dev/null
else
    echo "(/usr/bin/time not installed: apt-get install time)"
fi
