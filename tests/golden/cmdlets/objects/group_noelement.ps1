# Group-Object -NoElement: case-insensitive names, groups sorted by name (2026-11-24, objects).
'b', 'a', 'B', 'c', 'a', 'A' | Group-Object -NoElement
