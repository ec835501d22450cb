#!/bin/sh
# bench/engine.sh: the engine and cmdlet benchmarks of the issues, each side by side with the
# same work in lua5.4, bash or dash in the same hyperfine run (make bench-engine).  Prints
# hyperfine's summaries; the ratios go in the issue notes.  Needs hyperfine and lua5.4
# (Debian packages); a missing one is skipped with a message.
#   PSMINI  the binary (default ./psmini)     RUNS  hyperfine --runs (default 10)
PSMINI=${PSMINI:-./psmini}
RUNS=${RUNS:-10}
have() { command -v "$1" >/dev/null 2>&1 || { echo "($1 not installed: skipped)"; return 1; }; }
have hyperfine || exit 0
H="hyperfine -N --warmup 2 --runs $RUNS --style basic"

echo "== start-up: psmini -NoProfile -c exit vs dash -c exit =="
$H "$PSMINI -NoProfile -c exit" "dash -c exit"

echo "== loop: sum of 1..1000000 =="


# hyperfine -N splits on spaces, so each program is passed as a file
printf 'local s=0 for i=1,1000000 do s=s+i end print(s)\n' >/tmp/psmini-bench-loop.lua
printf '$s = 0; foreach ($i in 1..1000000) { $s += $i }; $s\n' >/tmp/psmini-bench-loop.ps1
printf 's=0; i=1; while [ $i -le 1000000 ]; do s=$((s+i)); i=$((i+1)); done; echo $s\n' >/tmp/psmini-bench-loop.sh
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-loop.ps1" "lua5.4 /tmp/psmini-bench-loop.lua" \
   "bash /tmp/psmini-bench-loop.sh"

echo "== 100,000 calls of a small function =="
printf 'function f($x) { $x + 1 }; $s = 0; for ($i = 0; $i -lt 100000; $i++) { $s = f $s }; $s\n' >/tmp/psmini-bench-call.ps1
printf 'local function f(x) return x + 1 end local s=0 for i=1,100000 do s=f(s) end print(s)\n' >/tmp/psmini-bench-call.lua
printf 'f() { r=$(($1+1)); }; s=0; i=0; while [ $i -lt 100000 ]; do f $s; s=$r; i=$((i+1)); done; echo $s\n' >/tmp/psmini-bench-call.sh
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-call.ps1" "lua5.4 /tmp/psmini-bench-call.lua" \
   "bash /tmp/psmini-bench-call.sh"

echo "== 100,000 calls of a two-parameter function in a foreach loop =="
printf 'function f($a, $b) { $a + $b }; $s = 0; foreach ($i in 1..100000) { $s = f $i 1 }; $s\n' >/tmp/psmini-bench-call2.ps1
printf 'local function f(a,b) return a+b end local s=0 for i=1,100000 do s=f(i,1) end print(s)\n' >/tmp/psmini-bench-call2.lua
printf 'f() { echo $(( $1 + $2 )); }; for ((i=1;i<=100000;i++)); do f $i 1; done >/dev/null\n' >/tmp/psmini-bench-call2.sh
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-call2.ps1" "lua5.4 /tmp/psmini-bench-call2.lua" \
   "bash /tmp/psmini-bench-call2.sh"

echo "== pipeline: 1..1000000 | ForEach-Object { \$_ } | Measure-Object =="
printf '(1..1000000 | ForEach-Object { $_ } | Measure-Object).Count\n' >/tmp/psmini-bench-pipe.ps1
printf 'local n=0 for i=1,1000000 do local v=i n=n+1 end print(n)\n' >/tmp/psmini-bench-pipe.lua
printf 'n=0; for ((i=1;i<=1000000;i++)); do v=$i; n=$((n+1)); done; echo $n\n' >/tmp/psmini-bench-pipe.sh
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-pipe.ps1" "lua5.4 /tmp/psmini-bench-pipe.lua" \
   "bash /tmp/psmini-bench-pipe.sh"

echo "== Where-Object: script block and simplified forms =="
printf '(1..1000000 | Where-Object { $_ %% 3 -eq 0 } | Measure-Object).Count\n' >/tmp/psmini-bench-where.ps1
printf '(1..1000000 | Where-Object Length -eq 1 | Measure-Object).Count\n' >/tmp/psmini-bench-where2.ps1
printf 'local n=0 for i=1,1000000 do if i %% 3 == 0 then n=n+1 end end print(n)\n' >/tmp/psmini-bench-where.lua
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-where.ps1" "$PSMINI -NoProfile -File /tmp/psmini-bench-where2.ps1" \
   "lua5.4 /tmp/psmini-bench-where.lua"

echo "== Where-Object on 300,000 pscustomobjects: simplified form, script block, none =="
printf '1..300000 | %% { [pscustomobject]@{N=$_} } | Where-Object N -gt 5 | Measure-Object\n' >/tmp/psmini-bench-wobj.ps1
printf '1..300000 | %% { [pscustomobject]@{N=$_} } | Where-Object { $_.N -gt 5 } | Measure-Object\n' >/tmp/psmini-bench-wobj2.ps1
printf '1..300000 | %% { [pscustomobject]@{N=$_} } | Measure-Object\n' >/tmp/psmini-bench-wobj3.ps1
printf 'local n=0 for i=1,300000 do local o={N=i} if o.N>5 then n=n+1 end end print(n)\n' >/tmp/psmini-bench-wobj.lua
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-wobj.ps1" "$PSMINI -NoProfile -File /tmp/psmini-bench-wobj2.ps1" \
   "$PSMINI -NoProfile -File /tmp/psmini-bench-wobj3.ps1" "lua5.4 /tmp/psmini-bench-wobj.lua"

echo "== objects: 100,000 pscustomobjects | Sort-Object S | Select-Object -Last 1 =="
printf '1..100000 | ForEach-Object { [pscustomobject]@{ N = $_; S = "x$_" } } | Sort-Object S | Select-Object -Last 1\n' >/tmp/psmini-bench-sort.ps1
printf 'local t={} for i=1,100000 do t[i]={N=i,S="x"..i} end table.sort(t,function(a,b) return a.S<b.S end) print(t[#t].N)\n' >/tmp/psmini-bench-sort.lua
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-sort.ps1" "lua5.4 /tmp/psmini-bench-sort.lua"

echo "== formatting: 100,000 objects as a table | Out-String =="
printf '$x = 1..100000 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = "n$_"; Ok = $true } } | Out-String; $x.Length\n' >/tmp/psmini-bench-fmt.ps1
$H "$PSMINI -NoProfile -File /tmp/psmini-bench-fmt.ps1"

echo "== jobs: round trips, throughput and 1,000 jobs (bench/jobs.sh) =="
PSMINI="$PSMINI" RUNS="$RUNS" sh "$(dirname "$0")/jobs.sh"

echo "== memory: idle shell, and a 1,000,000-element streaming pipeline (peak RSS, KB) =="
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "idle: %M KB" "$PSMINI" -NoProfile -c exit
    /usr/bin/time -f "1M pipeline: %M KB" "$PSMINI" -NoProfile -File /tmp/psmini-bench-pipe.ps1 >/dev/null
    /usr/bin/time -f "dash idle: %M KB" dash -c exit
else
    echo "(/usr/bin/time not installed: apt-get install time)"
fi
rm -f /tmp/psmini-bench-*
