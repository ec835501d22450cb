# 2026-11-24 fmtcmds: Format-Wide: default property, -Property, -Column, -AutoSize.
$o = 'alpha','beta','gamma','delta','epsilon' | ForEach-Object { [pscustomobject]@{Name=$_; Len=$_.Length} }
$o | Format-Wide
$o | Format-Wide -Column 3
$o | Format-Wide Len -Column 4
$o | fw -AutoSize
$o | Format-Wide -Property @{Expression={$_.Name.ToUpper()}} -Column 5
