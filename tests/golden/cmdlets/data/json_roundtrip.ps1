# ConvertTo-Json / ConvertFrom-Json round trips and value kinds (2026-11-24, cmdlet issue: utilcmds).
[pscustomobject]@{ Name = 'x'; Id = 1; Ok = $false } | ConvertTo-Json
'{ "a": 1, "b": [1, 2], "c": { "d": "e" } }' | ConvertFrom-Json | ConvertTo-Json -Compress
[ordered]@{ a = 1 } | ConvertTo-Json -AsArray -Compress
[datetime]'2024-01-02 03:04:05' | ConvertTo-Json
'"2024-01-02T03:04:05"' | ConvertFrom-Json | Get-Date -Format 'yyyy-MM-dd HH:mm:ss'
ConvertTo-Json -InputObject 'a"b\c'
New-TimeSpan -Seconds 90 | ConvertTo-Json -Compress
