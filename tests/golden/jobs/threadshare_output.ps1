# A thread job's output reaches the caller as the job's own objects, as with pwsh's ThreadJob:
# no serialization and no PSComputerName/RunspaceId notes; reference types stay shared.
$o = [pscustomobject]@{a=1}
$r = Start-ThreadJob { $using:o } | Receive-Job -Wait
[object]::ReferenceEquals($o, $r)
$r.a = 2
$o.a

# An object made in the job keeps its type and members, and only its own properties.
$p = Start-ThreadJob { [pscustomobject]@{n=1; list=[System.Collections.ArrayList]@(1,2)} } | Receive-Job -Wait
$p.psobject.Properties.Name -join ','
$p.list.GetType().FullName
[void]$p.list.Add(3)
$p.list -join ','

# A StringBuilder and a [regex] handed to the job and back are the caller's own.
$sb = [System.Text.StringBuilder]::new('x')
$re = [regex]'(\d+)'
$back = Start-ThreadJob { [void]$using:sb.Append('y'); $using:sb; $using:re } | Receive-Job -Wait
[object]::ReferenceEquals($sb, $back[0])
[object]::ReferenceEquals($re, $back[1])
$sb.ToString()
$back[1].Match('ab42').Groups[1].Value

# A hashtable the job filled is the caller's to change.
$h = Start-ThreadJob { @{k='v'} } | Receive-Job -Wait
$h.k2 = 'w'
($h.Keys | Sort-Object) -join ','

# A script block written by the job runs in the caller.
$s = Start-ThreadJob { { "sum $(1+2)" } } | Receive-Job -Wait
& $s

# Four jobs append to one shared StringBuilder and match with one shared [regex].
$all = [System.Text.StringBuilder]::new()
$jobs = 1..4 | ForEach-Object {
    Start-ThreadJob -ArgumentList $_ {
        param($n)
        $b = $using:all; $rx = $using:re
        foreach ($i in 1..200) {
            if ($rx.Match("id$n-$i").Groups[1].Value -eq "$n") { [void]$b.Append([string]$n) }
        }
    }
}
$jobs | Wait-Job | Out-Null
$all.Length
($all.ToString().ToCharArray() | Group-Object | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '

[object]::ReferenceEquals($null, $null)
[object]::ReferenceEquals(1, 1)
$t = 'text'; [object]::ReferenceEquals($t, $t)
