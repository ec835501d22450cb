# 2026-11-24 issue 3: up to 4 properties -> table; numbers right-aligned.
[pscustomobject]@{one=1; two=2}
