# Select-Object -Property * -ExcludeProperty with a wildcard (2026-11-24, cmdlet issue: objects).
$p = [pscustomobject]@{ Name = 'x'; Size = 2048; Kind = 'file' }
$p | Select-Object -Property * -ExcludeProperty S*
