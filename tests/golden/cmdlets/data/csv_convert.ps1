# ConvertTo-Csv / ConvertFrom-Csv (2026-11-24, cmdlet issue: utilcmds).
$rows = [pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b,c'; N = $null }
$rows | ConvertTo-Csv
$rows | ConvertTo-Csv -UseQuotes AsNeeded
$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes Never -NoHeader
$rows | ConvertTo-Csv -QuoteFields N
$rows[0] | ConvertTo-Csv -IncludeTypeInformation
@{ K = 'v' } | ConvertTo-Csv
'a,b', '1,2', '3,"x,y"' | ConvertFrom-Csv
'1;2' | ConvertFrom-Csv -Delimiter ';' -Header P, Q | ForEach-Object { "$($_.P)/$($_.Q)" }
'1,2,3' | ConvertFrom-Csv -Header A, B | ForEach-Object { "$($_.A)|$($_.B)" }
