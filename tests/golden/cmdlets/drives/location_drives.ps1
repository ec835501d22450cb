# The location on the Env:, Variable:, Function: and Alias: drives: Get-Location and $PWD
# show the drive root, relative names resolve there, native programs keep running in the
# last file-system directory, and cd - / cd + move across drives.
Set-Location -LiteralPath $PSScriptRoot
$env:PSMINI_LOC_TEST = 'on the drive'
Set-Location env:
Get-Location
$PWD.Path
$PWD.Drive, $PWD.Provider
(Get-Item PSMINI_LOC_TEST).Value
Get-Content PSMINI_LOC_TEST
Test-Path PSMINI_LOC_TEST
Test-Path NO_SUCH_VARIABLE_X
(Get-ChildItem PSMINI_LOC_*).Name
$ExecutionContext.SessionState.Path.CurrentLocation.Path
$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path -eq $PSScriptRoot
(sh -c pwd) -eq $PSScriptRoot
Remove-Item PSMINI_LOC_TEST
Test-Path PSMINI_LOC_TEST
cd ..
$PWD.Path
cd NO_SUCH_ITEM_X
$PWD.Path
cd Env:\
cd variable:
$PWD.Path
(Get-Location).Provider
$probe = 1
(Get-Item probe).Value
cd function:
function Get-Probe { 'probe' }
(Get-ChildItem Get-Probe).Name
cd alias:
$PWD.Path
(Get-Item gci).Definition
cd -
$PWD.Path
cd -
$PWD.Path
cd +
$PWD.Path
cd $PSScriptRoot
$PWD.Path -eq $PSScriptRoot
cd -
$PWD.Path
# a thread job's runspace has a location of its own
Start-ThreadJob { Set-Location variable:; $PWD.Path; $v = 7; (Get-Item v).Value } |
    Receive-Job -Wait -AutoRemoveJob
$PWD.Path
cd ~
$PWD.Path -eq $HOME
(Get-Location).Drive, (Get-Location).Provider
