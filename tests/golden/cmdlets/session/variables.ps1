# 2026-11-24 cmdlet issue (sesscmds): Get/Set/New/Remove/Clear-Variable, docs examples made
# deterministic, plus every error these cmdlets raise.
$desk = 'Desk'
$deskTop = 'top'
Get-Variable -Name desk* | Out-Default
Get-Variable -Name desk -ValueOnly
Get-Variable -Name desk* -Exclude *top | Out-Default
Get-Variable -Name desk* -Include *top | Out-Default
Set-Variable -Name desc -Value 'A description'
$desc
Set-Variable -Name processes -Value 3 -PassThru | Out-Default
New-Variable -Name days -Value 1 -Option ReadOnly
Get-Variable days | Format-List Name, Value, Options
Set-Variable -Name days -Value 2
$days
Set-Variable -Name days -Value 2 -Force
$days
New-Variable -Name zipcode -Value 98033
New-Variable -Name zipcode -Value 1
New-Variable -Name zipcode -Value 98034 -Force
$zipcode
New-Variable -Name max -Value 256 -Option Constant -PassThru | Format-List Name, Options
Set-Variable max 1 -Force
Remove-Variable max -Force
Clear-Variable max
Remove-Variable days
Remove-Variable days -Force
Get-Variable days
Clear-Variable -Name zipcode -PassThru | Out-Default
$null -eq $zipcode
Clear-Variable nothere
Remove-Variable nothere
1..3 | Set-Variable -Name nums
$nums -join ','
$b1 = 1; $b2 = 2; $b3 = 3
Set-Variable -Name b? -Value 0 -Exclude b3
"$b1 $b2 $b3"
Remove-Variable b*
Get-Variable b* | Measure-Object | ForEach-Object Count
New-Variable -Name opt -Value 1 -Option 'ReadOnly, AllScope' -PassThru | ForEach-Object Options
New-Variable -Name bad -Option Sometimes
'after'
