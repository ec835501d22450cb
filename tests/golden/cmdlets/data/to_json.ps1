# ConvertTo-Json: one text for all input, -Compress, -AsArray, -Depth warning, -EscapeHandling (2026-11-24, cmdlet issue: utilcmds).
[ordered]@{ Name = 'a'; N = 1; L = 1, 2; Sub = [ordered]@{ X = $true; Y = $null } } | ConvertTo-Json
1, 'two', 3.5 | ConvertTo-Json -Compress
@(1) | ConvertTo-Json -Compress -AsArray
ConvertTo-Json -InputObject @(1, 2) -Compress
ConvertTo-Json -InputObject @() -Compress
@() | ConvertTo-Json
[pscustomobject]@{ a = [ordered]@{ b = [ordered]@{ c = 1 } } } | ConvertTo-Json -Depth 1 -Compress
'<a&b>' | ConvertTo-Json -EscapeHandling EscapeHtml
'é' | ConvertTo-Json -EscapeHandling EscapeNonAscii
$null | ConvertTo-Json
