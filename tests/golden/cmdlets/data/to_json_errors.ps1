# ConvertTo-Json parameter validation (2026-11-24, cmdlet issue: utilcmds).
1 | ConvertTo-Json -Depth 101
1 | ConvertTo-Json -EscapeHandling Bogus
'after'
