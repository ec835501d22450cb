# Select-Object -First / -Index stop the commands upstream once they have what they want
# (pwsh's StopUpstreamCommandsException): upstream end blocks do not run, downstream ones do,
# upstream finally blocks run and catch blocks do not; native upstream programs are closed.
# 2026-11-24, issues 3 and 5.
(1..1000000000 | Select-Object -First 3) -join ','
& { 1; 2; 3; Write-Host 'not printed' } | Select-Object -First 1
function up { process { $_ } end { Write-Host 'up end (not printed)' } }
function down { process { "down $_" } end { Write-Host 'down end' } }
1..5 | up | Select-Object -First 2 | down
& { try { 1; 2; 3 } catch { Write-Host 'caught (not printed)' } finally { Write-Host 'finally' } } |
    Select-Object -First 1
1..10 | ForEach-Object { Write-Host "gen $_"; $_ } | Select-Object -Skip 2 -First 2
1..10 | ForEach-Object { Write-Host "idx $_"; $_ } | Select-Object -Index 1, 3
# the stop belongs to the inner pipeline only; a second Select-Object stops the first one too
(1..3 | ForEach-Object { 1..100 | Select-Object -First 1 }) -join ','
(1..10 | ForEach-Object { Write-Host "chain $_"; $_ } | Select-Object -First 3 |
    Select-Object -First 2) -join ','
# -Last and -Wait read everything
(1..5 | ForEach-Object { $script:n++; $_ } | Select-Object -First 1 -Wait) -join ','
"read $n"
$script:produced = 0
1..100 | ForEach-Object { $script:produced++; $_ } | Select-Object -First 2 | Out-Null
"produced $produced"
(yes | Select-Object -First 2) -join ','
