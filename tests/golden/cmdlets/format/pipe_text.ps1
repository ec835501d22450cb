# 2026-11-24 fmtcmds: Format-* output is text lines: Out-String, Out-String -Stream, variables.
$o = [pscustomobject]@{a="abc";b=123}
$s = $o | Format-Table | Out-String
$s -eq "`na     b`n-     -`nabc 123`n`n"
$o | Format-Table | Out-String -Stream | ForEach-Object { "[$_]" }
$x = $o | Format-List
$x
1, 'two' | Format-Table
