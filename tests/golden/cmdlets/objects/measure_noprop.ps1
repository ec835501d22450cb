# Measure-Object -Property missing everywhere: non-terminating error (2026-11-24, objects).
[pscustomobject]@{ A = 1 } | Measure-Object -Property B
'after'
