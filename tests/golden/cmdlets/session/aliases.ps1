# 2026-11-24 cmdlet issue (sesscmds): Get-Alias / Set-Alias / New-Alias and the AliasInfo view.
Get-Alias -Name gci, gv | Out-Default
Get-Alias -Definition Get-Variable, Get-Command | Out-Default
Get-Alias -Name gv, gal, gcm -Exclude gal, gc* | Out-Default
(Get-Alias gal).Definition
(Get-Alias gal).DisplayName
# pwsh on Linux leaves these names to the native commands; echo stays an alias
Get-Alias ls, cat, sort, ps, kill, sleep, cp, mv, rm, man, echo -ErrorAction SilentlyContinue | Out-Default
$Error.Count
Set-Alias -Name list -Value Get-ChildItem
(Get-Alias list).ResolvedCommandName
New-Alias -Name vars -Value Get-Variable -PassThru | Out-Default
$zz = 5
vars zz -ValueOnly
New-Alias -Name vars -Value Get-Date
Get-Alias -Name nothere
Get-Alias -Definition nothere
Get-Alias -Name no* | Measure-Object | ForEach-Object Count
