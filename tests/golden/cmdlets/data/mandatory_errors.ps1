# Missing mandatory parameters are reported, not prompted for (2026-11-24, cmdlet issue: utilcmds).
'x' | Select-String
ConvertTo-Json
Measure-Command
'after'
