# Select-String with an invalid regular expression (2026-11-24, cmdlet issue: utilcmds).
'a(b' | Select-String '('
'after'
