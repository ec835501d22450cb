# 2026-11-24 fmtcmds: with -Property, dates are rows; strings and numbers only under -Force
# (Format-List.md, Notes), else they print whole.
# Format-Table.md example 8 and Format-List.md example 5, with a fixed date for Get-Date:
[datetime]'2024-01-03' | Format-Table DayOfWeek, { $_ / $null } -DisplayError
[datetime]'2018-12-21' | Format-List DayOfWeek, { $_ / $null } -DisplayError
'abc', 'de' | Format-Table Length
'abc', 'de' | Format-Table Length, @{n='Up'; e={$_.ToUpper()}} -Force
1, 2 | Format-List @{n='Twice'; e={$_ * 2}}
1, 2 | Format-List @{n='Twice'; e={$_ * 2}} -Force
'abc' | Format-Wide { $_.ToUpper() } -Force
1, 2, 3 | Format-Table
