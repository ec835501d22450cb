# ForEach-Object.md examples 1, 5, 7, 8, 9 and 10 (2026-11-24, cmdlet issue: objects).
30000, 56798, 12432 | ForEach-Object -Process {$_/1024}
1, 2, $null, 4 | ForEach-Object {"Hello"}
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" |
    ForEach-Object {$_.Split(".")}
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" |
    ForEach-Object -MemberName Split -ArgumentList "."
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" |
    foreach Split "."
1..2 | ForEach-Object { 'begin' } { 'process' }
1..2 | ForEach-Object { 'begin' } { 'process A' }  { 'process B' } { 'end' }
1..2 | ForEach-Object -Begin $null -Process { 'one' }, { 'two' }, { 'three' } -End $null
