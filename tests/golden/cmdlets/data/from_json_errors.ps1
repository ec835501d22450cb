# ConvertFrom-Json failures are terminating for the statement (2026-11-24, cmdlet issue: utilcmds).
'{"a":' | ConvertFrom-Json
'after'
