# 2026-11-24 the Variable:, Env:, Function: and Alias: drives for the item cmdlets.
'--- Variable:'
$listed = 1
(Get-ChildItem variable:listed).Value
(Get-Item Variable:\listed).Name
Test-Path variable:listed
Test-Path variable:doesnotexist
Test-Path variable:
$kept = 5
Clear-Variable -Name kept
Test-Path variable:kept
Get-ChildItem variable:list* | ForEach-Object Name
Set-Item variable:viaitem 'set by Set-Item'
$viaitem
Remove-Item variable:viaitem
Test-Path variable:viaitem
$variable:listed
'--- Env:'
$env:H7_DRIVE_B = 'b'
$env:H7_DRIVE_A = 'a'
(Get-Item env:H7_DRIVE_A).Value
Test-Path env:H7_DRIVE_A
Get-ChildItem env:H7_DRIVE_* | Format-Table -HideTableHeaders | Out-String -Stream | Where-Object { $_ }
(Get-ChildItem Env: | Where-Object Name -like 'H7_DRIVE_*').Count
Remove-Item env:H7_DRIVE_A
$null -eq $env:H7_DRIVE_A
Set-Item env:H7_DRIVE_C 'c'
$env:H7_DRIVE_C
/bin/sh -c 'echo "child sees $H7_DRIVE_C"'
Set-Item env:H7_DRIVE_C ''
Test-Path env:H7_DRIVE_C
$env:H7_DRIVE_B = ''
Test-Path env:H7_DRIVE_B
'--- Function:'
function Get-Thing { 'thing' }
& ${function:Get-Thing}
${function:Get-Thing}.GetType().Name
Test-Path function:Get-Thing
(Get-Item function:Get-Thing).CommandType
Get-ChildItem function:Get-Th* | ForEach-Object Name
Set-Item function:Get-Other { 'other' }
Get-Other
Set-Item function:Get-Text -Value '"from text"'
Get-Text
Remove-Item function:Get-Thing
Test-Path function:Get-Thing
${function:Get-Assigned} = { "assigned $args" }
Get-Assigned one
${function:Get-FromText} = '"from a string"'
Get-FromText
${function:Get-Assigned} = $null
Test-Path function:Get-Assigned
'--- Get-Content on the drives'
$pair = 'x', 'y'
Get-Content variable:pair
(Get-Content env:HOME) -eq $HOME
Get-Content alias:gcm
(Get-Content function:Get-Other).GetType().Name
'--- Alias:'
$alias:gci
Test-Path alias:gci
Test-Path alias:nosuchalias
(Get-Item alias:gcm).Definition
Set-Item alias:h7a Get-Date
(Get-Alias h7a).Definition
Get-ChildItem alias:h7? | ForEach-Object DisplayName
Remove-Item alias:h7a
Test-Path alias:h7a
$alias:h7b = 'Get-Other'
h7b
'--- errors'
Get-Item env:H7_NOPE
Remove-Item variable:h7nope
Get-Item function:h7nope -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
New-Variable -Name h7ro -Value 1 -Option ReadOnly
Remove-Item variable:h7ro
Remove-Item variable:h7ro -Force
Test-Path variable:h7ro
Set-Item drives.ps1 1
