# Sort-Object by two keys, hashtable Descending, stable order (2026-11-24, objects).
$d = @(
    [pscustomobject]@{ Dept = 'b'; Name = 'x'; Age = 30 }
    [pscustomobject]@{ Dept = 'a'; Name = 'y'; Age = 25 }
    [pscustomobject]@{ Dept = 'b'; Name = 'z'; Age = 41 }
    [pscustomobject]@{ Dept = 'a'; Name = 'w'; Age = 25 }
)
$d | Sort-Object Dept, @{ Expression = 'Age'; Descending = $true }
