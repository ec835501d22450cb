# 2026-11-24 issue 3: Out-String returns one string; -Stream one string per line.
"hashtable:`n$((@{ key = 'value' } | Out-String).Trim())"
$s = 'a', ' b' | Out-String
$s -eq "a`n b`n"
$lines = [pscustomobject]@{a=1} | Out-String -Stream
$lines.Count
$lines[1]
