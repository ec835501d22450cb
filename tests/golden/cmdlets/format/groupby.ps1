# 2026-11-24 fmtcmds: -GroupBy for tables and lists.
$o = [pscustomobject]@{Kind='a'; N=1}, [pscustomobject]@{Kind='a'; N=2}, [pscustomobject]@{Kind='b'; N=3}
$o | Format-Table -GroupBy Kind
$o | Format-List -GroupBy Kind
$o | Format-Table N -GroupBy @{Name='Upper'; Expression={$_.Kind.ToUpper()}}
