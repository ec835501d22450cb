# Group-Object.md example 2 (2026-11-24, cmdlet issue: objects): script-block property.
1..20 | Group-Object -Property {$_ % 2}
