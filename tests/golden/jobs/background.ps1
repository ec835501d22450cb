# The background operator `pipeline &` (jobs.md 1.6): the caller's existing variables are
# rewritten to ${using:name} in the job's Command; Start-Job runs it in the caller's directory.
$j = 2+3 &
"$($j.GetType().Name) $($j.Id) $($j.Name) $($j.PSJobTypeName) [$($j.Command)]"
Receive-Job $j -Wait
$j = Write-Output "Hi $name" &
$j.Command
"[$(Receive-Job $j -Wait)]"
$x = 5
$j = Write-Output "v=$x $($x + 1)" { $x; "a$x" } $nosuch &
$j.Command
Receive-Job $j -Wait
$j = Write-Output $PID $global:PID $true $FALSE $null $PSHOME $PSEdition $HOST $PSVersionTable &
$j.Command
$j = $script:x + 1 &
$j.Command
Receive-Job $j -Wait
$f = 'background_redirect.txt'
$j = Write-Output written > $f &
$j.Command
"[$(Receive-Job $j -Wait)]"
Get-Content $f
Remove-Item $f
$here = (Get-Location).Path
$j = (Get-Location).Path &
(Receive-Job $j -Wait) -eq $here
$out = & { Write-Output first & Write-Output second }
"$($out.Count) $($out[0].Command) | $($out[1])"
Receive-Job $out[0] -Wait
$j = 1..3 | ForEach-Object { $_ * $x } | Where-Object { $_ -gt 5 } &
$j.Command
Receive-Job $j -Wait
$null = Get-Job | Wait-Job -Timeout 20
Get-Job | ForEach-Object { "$($_.Id) $($_.State)" }
