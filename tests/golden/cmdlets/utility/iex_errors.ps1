# Invoke-Expression parse errors and Start-Sleep validation (2026-11-24, cmdlet issue: utilcmds).
Invoke-Expression '1 +'
Start-Sleep -Seconds -1
'after'
