# 2026-11-24 cmdlet issue (filecmds): Join-Path, Split-Path, Resolve-Path (reference examples, Linux paths).
'--- Join-Path'
Join-Path -Path "path" -ChildPath "childpath"
Join-Path -Path "path/" -ChildPath "childpath"
Join-Path -Path "path" -ChildPath "/childpath"
Join-Path -Path "path/" -ChildPath "/childpath"
Join-Path a b c d e f g
Join-Path -Path a, b -ChildPath c
'a', 'b' | Join-Path -ChildPath x
'--- Split-Path'
Split-Path -Path "/home/user/notes.txt"
Split-Path -Path "/home/user/notes.txt" -Leaf
Split-Path -Path "/home/user/notes.txt" -LeafBase
Split-Path -Path "/home/user/archive.tar.gz" -Extension
Split-Path -Path "/home/user/" -Leaf
Split-Path -Path "notes.txt" -Parent
'(empty parent)'
Split-Path "/" -Parent
'(empty parent of the root)'
Split-Path "/home/user" -IsAbsolute
Split-Path "home/user" -IsAbsolute
Split-Path "~/x" -IsAbsolute
'/a/b', '/c/d' | Split-Path -Leaf
'--- Resolve-Path'
$t = "/tmp/psmini-paths-$PID"
New-Item -ItemType Directory $t/sub | Out-Null
'x' | Set-Content $t/a.txt, $t/b.txt, $t/sub/c.txt
Push-Location $t
(Resolve-Path a.txt).Path.Replace($t, '<t>')
(Resolve-Path a.txt).GetType().Name
Resolve-Path *.txt | ForEach-Object { $_.Path.Replace($t, '<t>') }
Resolve-Path *.txt -Relative
Resolve-Path sub/c.txt -Relative
Push-Location sub
Resolve-Path ../a.txt -Relative
Pop-Location
Resolve-Path -Path c.txt -RelativeBasePath sub -Relative
Join-Path $t '*.txt' -Resolve | ForEach-Object { $_.Replace($t, '<t>') }
try { Resolve-Path nothere.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }
rvpa b.txt -Relative
Split-Path "$t/*.txt" -Leaf -Resolve
try { Split-Path nothere/x -Resolve -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }
Pop-Location
Remove-Item $t -Recurse
