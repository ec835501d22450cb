# Group-Object.md example 3 style: hashtable input grouped by key, -AsHashTable (2026-11-24).
$h = @(
    @{ name = 'a' ; weight = 7 }
    @{ name = 'b' ; weight = 1 }
    @{ name = 'c' ; weight = 3 }
    @{ name = 'd' ; weight = 7 }
) | Group-Object -Property weight -AsHashTable
$h[7] | ForEach-Object { $_.name }
$h.Count
