# Compare-Object: => for the difference side, <= for the reference side (2026-11-24).
Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd' -IncludeEqual
