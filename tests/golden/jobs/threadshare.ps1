# Thread jobs share reference types with the caller (runtime/value.h THREADS): a
# synchronized hashtable filled by many jobs at once, a synchronized ArrayList, a
# PSVariable, nested containers stored into a shared table, and objects the jobs made.
$sync = [hashtable]::Synchronized(@{})
$jobs = 1..6 | ForEach-Object {
    Start-ThreadJob -ThrottleLimit 6 {
        param($n)
        $s = $using:sync
        foreach ($i in 1..200) { $s["$n-$i"] = [pscustomobject]@{ N = $n; I = $i } }
        $s["list$n"] = [System.Collections.ArrayList]@($n, "x$n")
    } -ArgumentList $_
}
$null = $jobs | Wait-Job
$sync.Count
($sync.Values | Where-Object { $_ -is [pscustomobject] } | Measure-Object -Property I -Sum).Sum
($sync['list3'] -join ',') + ' ' + $sync['list3'].GetType().Name
$sync['4-17'].N, $sync['4-17'].I -join ' '

# A plain @{} written by several jobs at once may lose updates (as in .NET), but the shell
# never crashes: every key a job wrote alone is there.
$plain = @{}
$jobs = 1..4 | ForEach-Object {
    Start-ThreadJob { param($n) $p = $using:plain; foreach ($i in 1..300) { $p["$n/$i"] = "v$i" } } -ArgumentList $_
}
$null = $jobs | Wait-Job
($plain.Count -le 1200) -and ($plain.Count -gt 0)

# A job and the caller read and write one shared list while it changes.
$list = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new())
$w = Start-ThreadJob { $l = $using:list; foreach ($i in 1..500) { [void]$l.Add("item$i") } }
while ($w.State -eq 'Running' -or $w.State -eq 'NotStarted') {
    for ($k = 0; $k -lt $list.Count; $k++) { $null = $list[$k] }
}
$null = $w | Wait-Job
$list.Count
$list[499]

# A [ref] written by four jobs at once, and read by the caller meanwhile.
$hits = 0
$ref = [ref]$hits
$jobs = 1..4 | ForEach-Object {
    Start-ThreadJob { param($n) $q = $using:ref; foreach ($i in 1..200) { $q.Value = "job$n-$i" } } -ArgumentList $_
}
while (($jobs | Where-Object State -eq 'Running')) { $null = "$($ref.Value)" }
$null = $jobs | Wait-Job
$hits -match '^job[1-4]-200$'

# A PSVariable: the job's assignment is the caller's variable.
$status = 'idle'
$var = Get-Variable status
Start-ThreadJob { ($using:var).Value = 'done by job' } | Receive-Job -Wait -AutoRemoveJob
$status
Get-Job | Remove-Job
