# 2026-11-24 cmdlet issue (filecmds): the Process table view's header (rows depend on the machine).
Get-Process -Id $PID | Out-String -Stream | Select-Object -First 3
