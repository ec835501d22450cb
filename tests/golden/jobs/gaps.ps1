# Job gaps closed 2026-11-24: JobStateInfo.Reason is an exception (.Message);
# Receive-Job -WarningVariable; $using: with a scope; `$x = pipeline &`; Receive-Job -Wait
# reports a failure once; Invoke-Command -ThrottleLimit and -HideComputerName; Start-Job with
# pipeline input; Stop-Job ends a pure-script thread job; thread jobs share the Id counter.
$t = Start-ThreadJob { 'out'; throw 'thread boom' }
$null = Wait-Job $t -Timeout 20
"thread: $($t.State) [$($t.JobStateInfo.Reason.Message)] $($t.JobStateInfo.Reason.GetType().Name)"
$p = Start-Job { throw 'process boom' }
$null = Wait-Job $p -Timeout 20
"process: $($p.State) [$($p.ChildJobs[0].JobStateInfo.Reason.Message)] parent reason null: $($null -eq $p.JobStateInfo.Reason)"
"$($p.ChildJobs[0].JobStateInfo)"

$w = Start-Job { Write-Warning 'careful'; 'value' }
$null = Wait-Job $w -Timeout 20
'before receive'
$r = Receive-Job $w -WarningVariable wv -WarningAction SilentlyContinue
"r=$r wv=$wv ($($wv.Count))"

$x = 'script x'
$global:g = 'global g'
function Show-Using {
    $x = 'local x'
    Start-Job { "$using:x | ${using:script:x} | ${using:global:g}" } | Receive-Job -Wait -AutoRemoveJob
    Start-ThreadJob { "${using:script:x} | ${using:global:g}" } | Receive-Job -Wait -AutoRemoveJob
    $bg = Write-Output $script:x $x &
    $bg.Command
    $bg | Receive-Job -Wait -AutoRemoveJob
}
Show-Using

$assigned = Write-Output 'assigned' &
"$($assigned.GetType().Name) $($assigned.PSJobTypeName)"
Receive-Job $assigned -Wait -AutoRemoveJob

$a = Start-Job { throw 'early' }
$b = Start-ThreadJob { 'late' }
$null = Wait-Job $a -Timeout 20
Receive-Job $a, $b -Wait 2>&1 | ForEach-Object { "got: $_" } | Sort-Object

$ic = Invoke-Command -ComputerName localhost, localhost, localhost { 'ran' } -AsJob -ThrottleLimit 1
"throttled: $(($ic.ChildJobs | ForEach-Object State) -join ',')"
$null = Wait-Job $ic -Timeout 30
"then: $(($ic.ChildJobs | ForEach-Object State) -join ',') $((Receive-Job $ic).Count)"
$o = Invoke-Command -ComputerName localhost { 1 } -HideComputerName
"hidden: $($o.PSShowComputerName) $($o.PSComputerName)"
$o = Invoke-Command -ComputerName localhost { 1 }
"shown: $($o.PSShowComputerName) $($o.PSComputerName)"

1, 2, 3 | Start-Job { $input | ForEach-Object { $_ * 10 } } | Receive-Job -Wait -AutoRemoveJob

$spin = Start-ThreadJob { while ($true) { } }
Stop-Job $spin
"spin: $($spin.State)"

$nest = Start-ThreadJob { $n = Start-ThreadJob { 'inner' }; $n.Id; $n | Receive-Job -Wait }
$outer = $nest.Id
$res = $nest | Receive-Job -Wait
"nested id follows: $($res[0] -eq $outer + 1) $($res[1])"

# each job process has its own $PID (the fork server's clones do not share one)
$p1 = Start-Job { $PID } | Receive-Job -Wait -AutoRemoveJob
$p2 = Start-Job { $PID } | Receive-Job -Wait -AutoRemoveJob
"own pids: $($p1 -ne $p2 -and $p1 -ne $PID -and $p2 -ne $PID)"
