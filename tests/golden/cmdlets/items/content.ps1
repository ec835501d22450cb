# 2026-11-24 cmdlet issue (filecmds): Get/Set/Add-Content, after the reference pages' examples.
$t = "/tmp/psmini-content-$PID"
New-Item -ItemType Directory -Path $t | Out-Null
Push-Location $t

# Get-Content example 1: 100 lines, then the first 5
1..100 | ForEach-Object { Add-Content -Path .\LineNumbers.txt -Value "This is line $_." }
Get-Content -Path .\LineNumbers.txt -TotalCount 5
'--- Head/First are aliases of TotalCount'
Get-Content LineNumbers.txt -Head 2
Get-Content LineNumbers.txt -First 1
'--- Tail/Last'
Get-Content -Path .\LineNumbers.txt -Tail 2
Get-Content LineNumbers.txt -Last 1
'--- index into the lines'
(Get-Content -Path .\LineNumbers.txt -TotalCount 25)[-1]
(Get-Content LineNumbers.txt).Count
'--- Raw is one string'
(Get-Content LineNumbers.txt -Raw).GetType().Name
(Get-Content LineNumbers.txt -Raw).Length

'--- Set-Content replaces, values one per line'
Set-Content -Path Test1.txt -Value 'Hello, World'
Get-Content Test1.txt
Set-Content Test1.txt 'a', 'b', 'c'
Get-Content Test1.txt
'x', 'y' | Set-Content Test1.txt
Get-Content Test1.txt
Set-Content Test1.txt -Value 'a', 'b' -NoNewline
Get-Content Test1.txt -Raw
Add-Content Test1.txt -Value 'c' -NoNewline
Get-Content Test1.txt
Add-Content Test1.txt '!'
Get-Content Test1.txt

'--- reading and writing the same file in one pipeline'
Set-Content same.txt 'one', 'two'
Get-Content same.txt | ForEach-Object { $_.ToUpper() } | Set-Content same.txt
Get-Content same.txt

'--- line endings: LF, CRLF and CR all end a line; no trailing empty line'
Set-Content crlf.txt -Value "l1`r`nl2`rl3`n" -NoNewline
(Get-Content crlf.txt).Count
Get-Content crlf.txt

'--- Delimiter ends sections and is dropped, as the newline is'
Set-Content d.txt -Value 'a,b,,c,' -NoNewline
Get-Content d.txt -Delimiter ','
'--- ReadCount groups lines into arrays'
Get-Content LineNumbers.txt -TotalCount 5 -ReadCount 2 | ForEach-Object { $_.Count }
(Get-Content LineNumbers.txt -ReadCount 0).Count

'--- an empty file gives nothing'
New-Item empty.txt | Out-Null
(Get-Content empty.txt) -eq $null
$null -eq (Get-Content empty.txt -Raw)

'--- pipeline FileInfo and aliases'
Get-Item Test1.txt | Get-Content
gc Test1.txt
type Test1.txt

'--- errors'
try { Get-Content nothere.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }
try { Get-Content LineNumbers.txt -TotalCount 1 -Tail 1 } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Set-Content nodir/x.txt 'v' -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }

Pop-Location
Remove-Item $t -Recurse
Test-Path $t
