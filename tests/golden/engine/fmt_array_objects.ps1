# 2026-11-24 issue 3: later objects reuse the first object's columns; one table per stream.
$a = [pscustomobject]@{abc="1234";bcd="123"}, [pscustomobject]@{abc="1";bcd="1234"}
$a
