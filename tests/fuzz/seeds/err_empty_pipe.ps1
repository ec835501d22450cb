| Get-Thing
Get-Thing | | Out-Null
1 | 3
