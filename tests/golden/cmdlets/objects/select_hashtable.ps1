# Select-Object.md example 13: hashtable keys as properties (2026-11-24, cmdlet issue: objects).
@{ name = 'a' ; weight = 7 } | Select-Object -Property name, weight
