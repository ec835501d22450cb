# 2026-11-24 cmdlet issue: Format-List and Format-Wide of file items use the FileSystem
# "children" list and wide views, grouped by directory like the table view.
$t = "/tmp/psmini-fsgroups-$PID"
New-Item -ItemType Directory $t | Out-Null
Push-Location $t
Set-Content a.txt 'A'
New-Item -ItemType Directory sub | Out-Null
Set-Content sub/c.txt 'C'
$time = '\d+/\d+/\d{4} \d+:\d\d:\d\d [AP]M'
function Show([string]$text) { $text.Replace($t, '<t>') -replace $time, '<time>' }

'--- Format-Wide -Recurse: a header per directory, directories in brackets'
Show (Get-ChildItem -Recurse | Format-Wide | Out-String)
'--- Format-Wide -Column 3'
Show (Get-ChildItem -Recurse | Format-Wide -Column 3 | Out-String)
'--- Format-List -Recurse: a file entry and a directory entry'
Show (Get-ChildItem -Recurse | Format-List | Out-String)
'--- one item'
Show (Get-Item sub | Format-List | Out-String)
'--- explicit properties: no view, no groups'
Show (Get-ChildItem -Recurse | Format-List Name | Out-String)
Show (Get-ChildItem | Format-Wide Name | Out-String)

Pop-Location
Remove-Item $t -Recurse -Force
