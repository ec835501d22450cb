# Get-Random -Minimum >= -Maximum and -Count 0 (2026-11-24, cmdlet issue: utilcmds).
Get-Random -Minimum 10 -Maximum 5
Get-Random -Count 0
'after'
