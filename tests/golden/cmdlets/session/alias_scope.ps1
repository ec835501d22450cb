# 2026-11-24 aliases live in the scopes (Set-Alias/New-Alias -Scope, pwsh's default is the
# local scope) and may name a function, a native program or another alias.
function Get-Original { 'original' }
Set-Alias -Name go1 -Value Get-Original
go1
'--- an alias set in a function disappears when it returns'
function Test-Inner { Set-Alias inner Get-Original; inner; (Get-Alias inner).Definition }
Test-Inner
@(Get-Alias -Name inner -ErrorAction SilentlyContinue).Count
function Test-Global { Set-Alias -Name outer -Value Get-Original -Scope Global }
Test-Global
outer
function Test-Script { New-Alias -Name scripted -Value Get-Original -Scope Script }
Test-Script
scripted
'--- private aliases are not seen by child scopes'
function Test-Private {
    Set-Alias -Name pv -Value Get-Original -Scope Private
    pv
    function Nested { @(Get-Alias -Name pv -ErrorAction SilentlyContinue).Count }
    Nested
}
Test-Private
'--- aliases of native programs and of aliases'
Set-Alias np /usr/bin/env
Set-Alias np2 np
np2 printf 'native via alias\n'
(Get-Alias np2).Definition
'--- aliases come before functions'
function Shadowed { 'function' }
Set-Alias Shadowed Get-Original
Shadowed
'--- New-Alias refuses an existing name; ReadOnly needs -Force'
New-Alias -Name go1 -Value Get-Date
Set-Alias -Name ro1 -Value Get-Original -Option ReadOnly
(Get-Alias ro1).Options
Set-Alias -Name ro1 -Value Get-Date
ro1
Set-Alias -Name ro1 -Value Get-Location -Force
(Get-Alias ro1).Definition
(Get-Alias ro1).Options
'--- Get-Alias lists user and built-in aliases together, sorted'
Get-Alias -Name go1, np*, outer, gal, gcm | ForEach-Object DisplayName
(Get-Alias -Definition Get-Original | ForEach-Object Name) -join ','
'--- Remove-Alias removes the alias the scope sees (or the one of -Scope)'
function Test-Remove { Set-Alias go1 Get-Date; Remove-Alias go1; go1 }
Test-Remove
Remove-Alias -Name outer -Scope Local
Remove-Alias -Name outer -Scope Global
@(Get-Alias -Name outer -ErrorAction SilentlyContinue).Count
Set-Alias -Name ro1 -Value Get-Location -Option ReadOnly -Force
Remove-Alias ro1
Remove-Alias ro1 -Force
Test-Path alias:ro1
'--- Get-Alias -Scope lists that scope only'
function Test-ScopeList { Set-Alias loc2 Get-Date; Set-Alias loc1 Get-Date; (Get-Alias -Scope Local).Name -join ',' }
Test-ScopeList
(Get-Alias -Scope Global -Name gci).Definition
