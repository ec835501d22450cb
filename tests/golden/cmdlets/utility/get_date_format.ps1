# Get-Date -Format/-UFormat/-Date and the part parameters (2026-11-24, cmdlet issue: utilcmds).
$d = Get-Date -Date '2024-01-02 03:04:05'
$d.GetType().FullName
$d
Get-Date -Date '2024-01-02 03:04:05' -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date '2024-01-02 03:04:05' -Format 'dddd MM/dd/yyyy HH:mm K'
Get-Date -Date '2024-01-02 03:04:05' -UFormat '%Y/%m/%d %A %H:%M'
Get-Date -Date '2024-01-31' -Month 2 -Format 'yyyy-MM-dd'
Get-Date -Date '2024-02-29' -Year 2023 -Format 'yyyy-MM-dd'
Get-Date -Date '2024-01-02' -Day 20 -Hour 7 -Minute 8 -Second 9 -Millisecond 10 -Format 'yyyy-MM-dd HH:mm:ss.fff'
Get-Date -UnixTimeSeconds 0 -AsUTC -Format o
'2020-05-06' | Get-Date -Format 'MMM d, yyyy'
Get-Date -Year 1999 -Format yyyy
