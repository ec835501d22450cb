# Read-Host reads standard input; at its end it gives $null (2026-11-24, cmdlet issue: utilcmds).
$a = Read-Host
$null -eq $a
