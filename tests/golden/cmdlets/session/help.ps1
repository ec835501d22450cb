# 2026-11-24 cmdlet issue (sesscmds): Get-Help's partial help (no help files installed).
Get-Help Get-Variable
Get-Help gal
Get-Help -Name Set-Alias
function Show-Greeting { 'hello' }
Get-Help Show-Greeting
Get-Help -Name *-Alias | ForEach-Object { "$($_.Name) [$($_.Category)] $($_.Synopsis)" }
Get-Help No-SuchTopic
'continues'
