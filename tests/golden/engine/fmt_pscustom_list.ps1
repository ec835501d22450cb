# 2026-11-24 issue 3: 5 or more properties -> list, labels padded to the longest.
[pscustomobject]@{a=1; bb=2; c='x'; d=$null; eeeee=3.5}
