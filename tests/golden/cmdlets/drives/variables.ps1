# 2026-11-24 variable options.  ReadOnly and Constant variables refuse assignment with pwsh's
# VariableNotWritable error; a child scope's assignment makes a new local instead.
New-Variable -Name ro -Value 1 -Option ReadOnly
try { $ro = 2 } catch { 'read only' }
$ro
try { $ro++ } catch { $_.FullyQualifiedErrorId }
function Set-Child { $ro = 'child local'; $ro }
Set-Child
$ro
Set-Variable -Name ro -Value 3 -Force
$ro
(Get-Variable ro).Options
New-Variable -Name co -Value 'c' -Option Constant
try { $co = 'd' } catch { $_.Exception.Message }
Set-Variable -Name co -Value 'e' -Force
$co
