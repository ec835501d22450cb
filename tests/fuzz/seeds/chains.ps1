Test-Path x && Write-Output yes || Write-Output no
Start-Sleep 1 &
cmd1 && cmd2 &
