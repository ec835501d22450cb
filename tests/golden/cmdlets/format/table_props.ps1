# 2026-11-24 fmtcmds: Format-Table -Property: names, wildcards, script blocks, calculated columns.
$o = [pscustomobject]@{Name='alpha'; Id=1; Size=1234.5}, [pscustomobject]@{Name='beta'; Id=22; Size=5.25}
$o | Format-Table
$o | Format-Table -Property Id, Name
$o | Format-Table N*, S*
$o | Format-Table Name, @{Label='KB'; Expression={$_.Size / 1024}; FormatString='N2'}
$o | Format-Table @{n='Id'; e='Id'; Width=6; Alignment='Left'}, Name
$o | Format-Table @{Label='Name'; Expression={$_.Name}; Alignment='Right'}, Id
$o | Format-Table {$_.Name.ToUpper()}, Id
$o | Format-Table -HideTableHeaders
$o | Format-Table -AutoSize
# Format-Table.md example 8 (a custom object instead of Get-Date): -DisplayError shows #ERR.
$d = [pscustomobject]@{DayOfWeek='Wednesday'}
$d | Format-Table DayOfWeek, { $_ / $null } -DisplayError
$d | Format-Table DayOfWeek, { $_ / $null }
Format-Table -InputObject $o
