# 2026-11-24 cmdlet issue (sesscmds): -Scope Global/Script/Local/number.
$x = 'script'
function inner {
    $x = 'local'
    Get-Variable x -ValueOnly
    Get-Variable x -Scope 1 -ValueOnly
    Get-Variable x -Scope Script -ValueOnly
    Set-Variable -Name y -Value 'set in parent' -Scope 1
    New-Variable -Name g -Value 'global' -Scope Global
    Remove-Variable x
    $x
    Get-Variable x -Scope Local
}
inner
$y
$g
$x
Get-Variable x -Scope 7
Get-Variable x -Scope Elsewhere
'continues'
