# 2026-11-24 a view's table, then an object of another type: that object is formatted out
# of band (OutOfBandFormatViewManager: a list of its own properties between blank lines) and
# the view's table goes on.
[ordered]@{one = 1; two = 2}
[pscustomobject]@{x = 'a'; y = 'b'}
[ordered]@{three = 3}
