# Built-in aliases can be removed or redefined in this runspace; the ReadOnly ones
# (pwsh's InitialSessionState options) need -Force.
(Get-Alias gci).Options
(Get-Alias cd).Options
(Get-Alias foreach).Options
(Get-Alias pwd).Options
Remove-Alias gci
(Get-Alias gci).Definition
Remove-Alias gci -Force
Get-Alias gci
try { gci } catch { $_.FullyQualifiedErrorId }
Get-ChildItem -LiteralPath $PSScriptRoot -Filter builtin_alias_remove.ps1 | ForEach-Object Name
Set-Alias gl Get-Date -Scope Global
Set-Alias select Get-Date
Set-Alias gl Get-Date -Scope Global -Force
(gl -Date '2026-01-02 03:04:05').Year
Remove-Item alias:gi
Remove-Item alias:gi -Force
Test-Path alias:gi
Remove-Item alias:pwd
Test-Path alias:pwd
Remove-Alias sls
(Get-Command sls -ErrorAction SilentlyContinue) -eq $null
Select-String -Pattern x -InputObject 'x' | ForEach-Object Line
# a new runspace has them all again
Start-ThreadJob { (Get-Alias gci).Definition; Test-Path alias:pwd } | Receive-Job -Wait -AutoRemoveJob
# the name no longer resolves to the command, so removing it again finds nothing
Remove-Alias gci
