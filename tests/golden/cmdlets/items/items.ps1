# 2026-11-24 cmdlet issue (filecmds): New/Remove/Copy/Move/Rename-Item, Get-Item, Test-Path.
$t = "/tmp/psmini-items-$PID"
function Show($err) { $err.Exception.Message.Replace($t, '<t>'); $err.FullyQualifiedErrorId }

New-Item -Path $t -ItemType Directory | ForEach-Object { $_.GetType().Name }
Set-Location $t

'--- New-Item: file with a value, no trailing newline'
$f = New-Item -Path . -Name testfile1.txt -ItemType File -Value 'This is a text string.'
$f.Name
$f.Length
Get-Content testfile1.txt -Raw
'--- default type is File; -Force overwrites'
(New-Item plain.txt).GetType().Name
(Get-Item plain.txt).Length
New-Item plain.txt -Value 'new' -Force | ForEach-Object Length
try { New-Item plain.txt -ErrorAction Stop } catch { Show $_ }
'--- directories, with missing parents; -Force on an existing one returns it'
(New-Item -ItemType Directory -Path a/b/c).Name
Test-Path a/b/c -PathType Container
(New-Item -ItemType Directory a -Force).Name
try { New-Item -ItemType Directory a -ErrorAction Stop } catch { Show $_ }
try { New-Item nodir/x.txt -ErrorAction Stop } catch { Show $_ }
(New-Item nodir2/x.txt -Force).Name
try { New-Item x -ItemType Widget } catch { Show $_ }
'--- the pipeline object is the -Value'
'piped' | New-Item piped.txt | Out-Null
Get-Content piped.txt

'--- Test-Path'
Test-Path testfile1.txt
Test-Path testfile1.txt -PathType Leaf
Test-Path testfile1.txt -PathType Container
Test-Path *.txt
Test-Path nothere, testfile1.txt
Test-Path ''
Test-Path -Path '/no/such/dir' -IsValid

'--- Get-Item'
(Get-Item testfile1.txt).FullName.Replace($t, '<t>')
Get-Item *.txt | ForEach-Object Name
(Get-Item a).PSIsContainer
try { Get-Item nothere -ErrorAction Stop } catch { Show $_ }
Get-Item nomatch* 
'(no error for a wildcard without matches)'

'--- Copy-Item'
Copy-Item testfile1.txt copy.txt
Get-Content copy.txt
Copy-Item testfile1.txt a
Test-Path a/testfile1.txt
Copy-Item a acopy
Get-ChildItem acopy -Name
'(a directory without -Recurse copies only the directory)'
Copy-Item a acopy2 -Recurse
Get-ChildItem acopy2 -Recurse -Name
(Copy-Item copy.txt copy2.txt -PassThru).Name
try { Copy-Item nothere.txt x.txt -ErrorAction Stop } catch { Show $_ }

'--- Move-Item'
Move-Item copy2.txt moved.txt
Test-Path copy2.txt, moved.txt
Move-Item moved.txt a
Get-ChildItem a -File -Name
New-Item clash.txt | Out-Null
try { Move-Item copy.txt clash.txt -ErrorAction Stop } catch { Show $_ }
Move-Item copy.txt clash.txt -Force
Get-Content clash.txt

'--- Rename-Item'
Rename-Item clash.txt renamed.txt
Test-Path renamed.txt
(Rename-Item renamed.txt again.txt -PassThru).Name
try { Rename-Item nothere.txt x.txt -ErrorAction Stop } catch { Show $_ }
try { Rename-Item again.txt sub/x.txt -ErrorAction Stop } catch { Show $_ }
New-Item taken.txt | Out-Null
try { Rename-Item again.txt taken.txt -ErrorAction Stop } catch { Show $_ }

'--- Remove-Item'
Remove-Item again.txt
Test-Path again.txt
Get-ChildItem piped.txt | Remove-Item
Test-Path piped.txt
Remove-Item *.txt
Get-ChildItem -Name -File
try { Remove-Item nothere.txt -ErrorAction Stop } catch { Show $_ }
Remove-Item a -Recurse
Test-Path a

Set-Location /
Remove-Item $t -Recurse -Force
Test-Path $t
