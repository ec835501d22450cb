# Receive-Job: drain vs -Keep, HasMoreData, -NoRecurse, -Location, a Failed job re-reports
# its reason on every read, the -Wait rules (jobs.md 2.4, 2.5, 3.4, 6).
$j = Start-Job { 'one'; 'two' }
$null = Wait-Job $j -Timeout 10
"$($j.State) $($j.HasMoreData)"
Receive-Job $j -Keep
"after keep: $($j.HasMoreData)"
Receive-Job $j -NoRecurse
'-- norecurse gave nothing'
Receive-Job $j -Location localhost -Keep
Receive-Job -Id $j.Id
"after drain: $($j.HasMoreData)"
Receive-Job $j
'-- drained'
$f = Start-Job { 'before'; throw 'MyError' }
$null = Wait-Job $f -Timeout 10
"$($f.State) $($f.ChildJobs[0].State) [$($f.JobStateInfo.Reason)] $($f.ChildJobs[0].JobStateInfo.Reason)"
Receive-Job $f -ErrorVariable ev
"errors: $($ev.Count) $($ev[0].Exception.Message)"
Receive-Job $f -ErrorAction SilentlyContinue -ErrorVariable ev2
"again: $($ev2.Count)"
foreach ($p in '-Keep', '-AutoRemoveJob', '-WriteEvents', '-WriteJobInResults', '-Force') {
    try {
        if ($p -eq '-Keep') { Receive-Job $j -Wait -Keep } else { $a = @{ $p.Substring(1) = $true }; Receive-Job $j @a }
    } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
}
$w = Start-Job { 'waited' }
$r = Receive-Job $w -Wait -WriteJobInResults
"$($r.Count) $($r[0].Id -eq $w.Id) $($r[1]) $($w.State) $($w.HasMoreData)"
$w | Receive-Job -Wait -AutoRemoveJob
"removed: $((Get-Job -Id $w.Id -ErrorAction SilentlyContinue) -eq $null)"
Receive-Job -Id 77
Receive-Job -Name nosuch
