# 2026-11-24 cmdlet issue (sesscmds): Get-History; a script run with -File has no history.
Get-History
(Get-History | Measure-Object).Count
Get-History -Count 5
Get-History -Id 7
(Get-Command h).CommandType
(Get-Alias history).Definition
(Get-Alias ghy).Definition
