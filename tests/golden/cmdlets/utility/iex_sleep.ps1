# Invoke-Expression runs in the current scope; Start-Sleep accepts fractions (2026-11-24, cmdlet issue: utilcmds).
Invoke-Expression '$q = 2 + 3; $q * 2'
$q
'1 + 1', '"a" * 3' | iex
$cmd = 'Get-Date -Date 2024-01-02 -Format yyyy'
Invoke-Expression $cmd
Start-Sleep -Seconds 0.01
Start-Sleep 0
Start-Sleep -Milliseconds 5
Start-Sleep -Duration (New-TimeSpan -Milliseconds 5)
'slept'
Invoke-Expression 'function f { "in f" }'
f
