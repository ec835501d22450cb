# 2026-11-24 fmtcmds: Out-String (runtime/streams.c) with the Format-* cmdlets; language.md 8.5.
"hashtable:`n$((@{ key = 'value' } | Out-String).Trim())"
$o = [pscustomobject]@{a="abc";b=123}
(Out-String -InputObject $o) -eq "`na     b`n-     -`nabc 123`n`n"
($o | Format-List | Out-String -Stream).Count
'x', 'y' | Out-String -NoNewline
$s = 1..3 | Out-String
$s.Length
