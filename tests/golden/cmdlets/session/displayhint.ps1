# Get-Date's DisplayHint note: Out-Default shows the date, the time or both, and
# Format-List lists the note first (pwsh's DateTime list view).
$d = Get-Date -Date '2026-01-02 03:04:05'
$d
$d.DisplayHint
Get-Date -Date '2026-01-02 03:04:05' -DisplayHint Date
Get-Date -Date '2026-01-02 03:04:05' -DisplayHint Time
(Get-Date -Date '2026-01-02 03:04:05' -DisplayHint Time).DisplayHint
$d.Year, $d.Month
$d -is [datetime]
"$d"
$d | Format-List
Get-Date -Date '2026-11-24 13:45:10' -DisplayHint Date | Format-List DisplayHint, DayOfWeek
# a bare DateTime has no note and shows both parts
[datetime]::new(2026, 11, 24, 13, 45, 10)
