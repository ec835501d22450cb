# `1 + 1 &` in the job table (jobs.md 5.2 (a) widths): Command is the pipeline text without
# the `&` (no braces, so no surrounding spaces, unlike Start-Job { 1 + 1 }).
$j = 1 + 1 &
$null = Wait-Job $j -Timeout 20
Get-Job
Get-Job -IncludeChildJob | Format-Table
$name = 'world'
$k = Write-Output "hello $name" | ForEach-Object { $_.ToUpper() } &
$null = Wait-Job $k -Timeout 20
Get-Job -Id $k.Id | Format-Table
Get-Job -Command '*using:name*' | ForEach-Object Id
Receive-Job $k
