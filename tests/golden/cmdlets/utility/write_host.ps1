# Write-Host: separators, -NoNewline, colours ignored off a terminal (2026-11-24, cmdlet issue: utilcmds).
Write-Host a b c
Write-Host a b c -Separator ','
Write-Host (1, 2, (3, 4)) -Separator '-'
Write-Host 'no newline' -NoNewline
Write-Host ' then more'
Write-Host 'red' -ForegroundColor Red -BackgroundColor 0
Write-Host
'x', 'y' | Write-Host
Write-Host bad -ForegroundColor Purple
