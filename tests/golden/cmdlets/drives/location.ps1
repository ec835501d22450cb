# 2026-11-24 the location belongs to the runspace.  A thread job's Set-Location moves only
# its own runspace (and the native programs it starts), never the shell.
Set-Location /usr
$j = Start-ThreadJob {
    Set-Location /tmp
    (Get-Location).Path
    $PWD.Path
    /bin/pwd
    [System.IO.Path]::GetFullPath('x')
    [Environment]::CurrentDirectory
    $ExecutionContext.SessionState.Path.CurrentLocation.Path
    Push-Location /; (Get-Location).Path; Pop-Location; (Get-Location).Path
}
$null = Wait-Job $j
Receive-Job $j
Remove-Job $j
'--- the shell stayed in /usr'
(Get-Location).Path
/bin/pwd
[Environment]::CurrentDirectory
'--- thread jobs start where the shell is'
$j = Start-ThreadJob { (Get-Location).Path; /bin/pwd }
$null = Wait-Job $j
Receive-Job $j
Remove-Job $j
'--- $ExecutionContext follows the location'
Set-Location /
$ExecutionContext.SessionState.Path.CurrentLocation.Path
$ExecutionContext.SessionState.Path.CurrentLocation.Path -eq $PWD.Path
$ExecutionContext.SessionState.Path.CurrentLocation.GetType().Name
'--- a relative script path is taken against the location'
Set-Location $PSScriptRoot
$f = "h7-loc-$PID.ps1"
Set-Content -Path "/tmp/$f" -Value '"script ran in $((Get-Location).Path)"'
Set-Location /tmp
& "./$f"
Set-Location /usr
$j = Start-ThreadJob { Set-Location /tmp; & "./$using:f"; (Get-Item "./$using:f").FullName -eq "/tmp/$using:f"; Test-Path $using:f }
$null = Wait-Job $j
Receive-Job $j
Remove-Job $j
Remove-Item "/tmp/$f"
