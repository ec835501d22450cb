# Get-Date validation errors (2026-11-24, cmdlet issue: utilcmds).
Get-Date -Month 13
Get-Date -Date '2024-01-02' -Format 'yyyy' -UFormat '%Y'
Get-Date -DisplayHint Week
'after'
