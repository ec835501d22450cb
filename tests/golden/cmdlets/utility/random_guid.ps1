# Get-Random ranges, -Count, -InputObject, -Shuffle, -SetSeed; New-Guid (2026-11-24, cmdlet issue: utilcmds).
$r = 1..200 | ForEach-Object { Get-Random -Minimum 3 -Maximum 6 }
($r | Sort-Object -Unique) -join ','
(Get-Random -Maximum 10).GetType().Name
(Get-Random -Maximum 10.5).GetType().Name
(Get-Random -Minimum 1 -Maximum ([long]5)).GetType().Name
(Get-Random -Minimum 1 -Maximum 2)
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
(1..10 | Get-Random -Count 4 | Sort-Object -Unique).Count
(Get-Random -InputObject (1..10) -Count 20).Count
(1..6 | Get-Random -Shuffle | Sort-Object) -join ','
(Get-Random -Count 3 -Maximum 100).Count
'only' | Get-Random
$g = New-Guid
$g.GetType().FullName
"$g" -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
(New-Guid) -eq (New-Guid)
