# 2026-11-24 cmdlet issue (sesscmds): Get-Command, CommandInfo objects and -Syntax.
Get-Command -Name *-Variable | Out-Default
Get-Command -Name Get-Alias, gcm, Get-Variable | Out-Default
Get-Command -Verb Set -Noun Alias | Out-Default
Get-Command -Name *-Variable -TotalCount 2 | ForEach-Object Name
Get-Command -Name g?, gal -CommandType Alias | Where-Object Name -in gv, gal | Out-Default
Get-Command -Name Get-Variable -Syntax
Get-Command -Name gv -Syntax
(Get-Command Get-Variable).Source
(Get-Command New-Alias).Verb
(Get-Command New-Alias).Noun
(Get-Command gcm).CommandType
(Get-Command ForEach-Object).ModuleName
(Get-Command Get-ChildItem).Source
function Show-Greeting { 'hello' }
Get-Command Show-Greeting | Format-List Name, CommandType
Get-Command -Name Show-Greeting -CommandType Cmdlet -ErrorAction SilentlyContinue
Get-Command -Name No-SuchCommand
Get-Command -Name No-Such* | Measure-Object | ForEach-Object Count
Get-Command -CommandType Sometimes
'continues'
$app = Get-Command -Name sh
"$($app.CommandType) $($app.Name) $($app.Version)"
(Get-Command -Name sh -CommandType Cmdlet -ErrorAction SilentlyContinue) -eq $null
