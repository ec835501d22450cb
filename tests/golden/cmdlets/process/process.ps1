# 2026-11-24 cmdlet issue (filecmds): Get-Process and Stop-Process on processes this test owns.
$me = Get-Process -Id $PID
$me.Id -eq $PID
$me.GetType().FullName
$me.ProcessName
(Get-Process -Name $me.ProcessName | Where-Object Id -eq $PID).Id -eq $PID
(Get-Process psmin? | Where-Object Id -eq $PID).Count
(Get-Process).Count -gt 1
gps -Id $PID | ForEach-Object { $_.Id -eq $PID }
$me | Get-Process | ForEach-Object ProcessName

'--- Stop-Process: a sleeping child of an exited shell'
$id = [int](sh -c 'sleep 30 >/dev/null 2>&1 & echo $!')
$p = Get-Process -Id $id
$p.ProcessName
(Stop-Process -Id $id -PassThru).ProcessName
$id2 = [int](sh -c 'sleep 30 >/dev/null 2>&1 & echo $!')
Get-Process -Id $id2 | Stop-Process -PassThru | ForEach-Object { $_.Id -eq $id2 }
$id3 = [int](sh -c 'sleep 30 >/dev/null 2>&1 & echo $!')
Stop-Process -InputObject (Get-Process -Id $id3)
'stopped without output'

'--- errors'
try { Get-Process -Id 2147483647 -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Get-Process -Name nosuchprocess -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
Get-Process -Name nosuchprocess*
'(no error for a wildcard without matches)'
try { Stop-Process -Id 2147483647 -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Stop-Process -Name nosuchprocess -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
