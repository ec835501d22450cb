# Select-String -Path with wildcards and -Context; "file:line:text" display (2026-11-24, cmdlet issue: utilcmds).
Select-String -Path lines.txt -Pattern 'line' | ForEach-Object { $_.ToString() }
Select-String 'a' *.txt -List | ForEach-Object { "$_" }
Select-String -Path lines.txt -Pattern 'third' -Context 1, 2 | ForEach-Object { "$_" }
(Select-String -Path lines.txt -Pattern 'fifth').Filename
Select-String -Path nosuch.txt -Pattern x
Select-String 'a' -Path * -Include *.txt -Exclude other* | ForEach-Object { "$_" }
Get-ChildItem lines.txt | Select-String third | ForEach-Object { "$_" }
Select-String third -Path lines.txt -Quiet
Select-String zzz -Path *.txt -Quiet
'end'
