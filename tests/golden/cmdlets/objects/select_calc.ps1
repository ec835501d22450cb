# Select-Object calculated property @{Name=..; Expression={..}} (2026-11-24, cmdlet issue: objects).
$p = [pscustomobject]@{ Name = 'x'; Size = 2048; Kind = 'file' }
$p | Select-Object Name, @{ Name = 'KB'; Expression = { $_.Size / 1024 } }
