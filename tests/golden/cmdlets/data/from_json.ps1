# ConvertFrom-Json: objects, arrays enumerated or not, -AsHashtable, split input lines (2026-11-24, cmdlet issue: utilcmds).
$o = '{"Name":"a","N":1,"L":[1,2],"Sub":{"X":true}}' | ConvertFrom-Json
$o
$o.Sub.X
'[1,2,3]' | ConvertFrom-Json | ForEach-Object { $_ * 2 }
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
$h = '{"b":1,"a":2}' | ConvertFrom-Json -AsHashtable
$h.Keys -join ','
'{', '"k": "v"', '}' | ConvertFrom-Json | ForEach-Object k
'1', '2' | ConvertFrom-Json
'' | ConvertFrom-Json
'done'
