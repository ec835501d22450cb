# 2026-11-24 cmdlet issue (filecmds): Get-ChildItem parameters, after the reference page's examples.
$t = "/tmp/psmini-gci-$PID"
New-Item -ItemType Directory $t | Out-Null
Push-Location $t
New-Item -ItemType Directory Logs/Adirectory, Logs/Backup, Logs/AnEmptyDirectory | Out-Null
'x' | Set-Content Logs/Afile.txt, Logs/LogFile1.txt, Logs/systemlog1.log, Logs/Adirectory/Afile4.txt
'x' | Set-Content Logs/Backup/ATextFile.txt, Logs/Backup/LogFile3.txt, anotherfile.txt, Command.txt
'x' | Set-Content .hiddenfile.txt, Logs/.hidden.log

'--- -Name: names relative to the path (directories first)'
Get-ChildItem -Path $t -Name
'--- -Recurse -Name'
Get-ChildItem -Recurse -Name
'--- wildcard path, -Recurse -Force'
Get-ChildItem -Path ./*.txt -Recurse -Force | ForEach-Object { $_.FullName.Replace($t, '<t>') }
'--- -Include needs a trailing * (or -Recurse)'
Get-ChildItem -Path $t -Include *.txt | ForEach-Object Name
'(nothing)'
Get-ChildItem -Path $t/* -Include *.txt | ForEach-Object Name
Get-ChildItem -Path Logs -Include *.log -Recurse -Name
'--- -Exclude'
Get-ChildItem -Path Logs/* -Exclude A* | ForEach-Object Name
'--- -Filter'
Get-ChildItem Logs -Filter *.txt -Name
Get-ChildItem -Filter Log* -Recurse -Name
'--- -File and -Directory'
Get-ChildItem Logs -File -Name
Get-ChildItem Logs -Directory -Name
Get-ChildItem -Recurse -Directory -Name
'--- -Depth'
Get-ChildItem -Depth 0 -Name
Get-ChildItem Logs -Depth 1 -Name
'--- -Force shows dot files'
Get-ChildItem -Force -File -Name
Get-ChildItem Logs -Force -File -Name
'--- a file path gives the file itself'
(Get-ChildItem Command.txt).Name
'--- pipeline and aliases'
Get-Item Logs | Get-ChildItem -Name -File
gci Logs/Backup -Name
dir Logs/Backup -Name
'(ls, like cp/mv/rm/cat/ps/kill, is no alias on Linux: the native command runs)'
ls -d /
ps -o comm= -p $PID
'--- objects'
$items = Get-ChildItem Logs
$items.Count
$items[0].GetType().FullName
$items[-1].GetType().FullName
($items | Where-Object PSIsContainer).Count
'--- errors'
Get-ChildItem nomatch*
'(no error for a wildcard without matches)'
try { Get-ChildItem nothere -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }

Pop-Location
Remove-Item $t -Recurse -Force
