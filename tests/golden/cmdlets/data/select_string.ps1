# Select-String over piped strings: MatchInfo, -SimpleMatch, -CaseSensitive, -NotMatch, -AllMatches, -Raw, -Quiet, -List (2026-11-24, cmdlet issue: utilcmds).
$in = 'Hello world', 'help me', 'nothing', 'HELP!'
$in | Select-String 'hel' | ForEach-Object { "$_" }
$in | Select-String 'hel' -CaseSensitive | ForEach-Object { "$($_.LineNumber): $($_.Line)" }
$in | Select-String 'o' -NotMatch | ForEach-Object Line
$in | Select-String 'l+' -AllMatches | ForEach-Object { $_.Matches.Count }
$in | Select-String '(h)e' | Select-Object -First 1 | ForEach-Object { $_.Matches[0].Value; $_.Pattern; $_.Filename; $_.Path; $_.IgnoreCase }
'a.b', 'axb' | Select-String '.' -SimpleMatch -Raw
$in | Select-String 'nothing' -Quiet
$null -eq ($in | Select-String 'zzz' -Quiet)
$in | Select-String 'hel' -List | ForEach-Object Line
$in | Select-String 'xyz', 'noth' | ForEach-Object Pattern
'a', 'b', 'c', 'd', 'e', 'f' | Select-String 'c', 'd' -Context 1 | ForEach-Object { $_.ToString(); '--' }
$m = 'x1y22' | Select-String '\d+' -AllMatches
$m.Matches.Value -join ','
$m.GetType().FullName
'one apple', 'two apples', 'pear' | Select-String apple | Select-String two | ForEach-Object { "$($_.LineNumber) $_ $($_.Pattern)" }
