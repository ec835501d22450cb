# 2026-11-24 cmdlet issue: the item cmdlets take pipeline input through the binder, with the
# pipeline parameters of their 7.5 reference pages (Path ByValue/ByPropertyName, LiteralPath
# ByPropertyName with the aliases PSPath and LP, Rename-Item -NewName ByPropertyName ...).
$t = "/tmp/psmini-itempipe-$PID"
New-Item -ItemType Directory $t | Out-Null
Push-Location $t
Set-Content a.txt 'A1', 'A2'
Set-Content b.txt 'B1'
New-Item -ItemType Directory sub | Out-Null
Set-Content sub/c.txt 'C1'

'--- an item binds its PSPath to -LiteralPath'
Get-ChildItem *.txt | Get-Content
Get-Item a.txt | Copy-Item -Destination d.txt
Get-Content d.txt
Get-Item d.txt | Remove-Item
Test-Path d.txt
Get-Item sub | Get-ChildItem -Name
Get-Item a.txt | Test-Path
Get-Item a.txt | Split-Path -Leaf
Get-Item sub/c.txt | Resolve-Path -Relative
'--- a provider-qualified path is a literal file-system path'
Get-Content -LiteralPath "Microsoft.PowerShell.Core\FileSystem::$t/b.txt"
Get-Content -PSPath FileSystem::$t/b.txt
'--- strings bind to -Path by value'
'a.txt', 'b.txt' | Get-Item | ForEach-Object Name
'a', 'b' | Join-Path -ChildPath c
'sub/c.txt' | Resolve-Path -Relative
'a.txt', 'nothere' | Test-Path
'--- properties bind by name'
[pscustomobject]@{Path = 'a.txt'} | Get-Item | ForEach-Object Name
[pscustomobject]@{LP = 'b.txt'} | Get-Content
[pscustomobject]@{Path = 'x'; ChildPath = 'y'} | Join-Path
[pscustomobject]@{Path = 'b.txt'; NewName = 'e.txt'} | Rename-Item -PassThru | ForEach-Object Name
Get-Item e.txt | Rename-Item -NewName b.txt
Test-Path b.txt
[pscustomobject]@{Path = '.'; Name = 'n.txt'; ItemType = 'File'} | New-Item | ForEach-Object Name
'(-Value takes the whole object by value first, as in pwsh)'
Get-Content n.txt
'--- Set-Content and Add-Content: values by value, paths by property name'
'v1', 'v2' | Set-Content g.txt
Get-Content g.txt
Get-ChildItem a.txt, g.txt | Add-Content -Value 'more'
Get-Content a.txt, g.txt
@() | Set-Content empty.txt
(Get-Item empty.txt).Length
'--- locations'
Get-Item sub | Set-Location
Split-Path -Leaf (Get-Location).Path
[pscustomobject]@{Path = '..'} | Push-Location
(Get-Location).Path.Replace($t, '<t>')
Pop-Location
Split-Path -Leaf (Get-Location).Path
Set-Location $t
'--- input that binds nothing'
'a.txt' | Get-Content
[pscustomobject]@{Q = 1} | Get-Content -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
'(an object converts to a path string for -Path by value, as in pwsh)'
[pscustomobject]@{Q = 1} | Get-Item -ErrorAction SilentlyContinue
$Error[0].Exception.Message.Replace($t, '<t>')

'--- delay-bind script blocks for parameters that take pipeline input'
New-Item -ItemType Directory ren | Out-Null
Set-Content ren/x.txt 'X'
Set-Content ren/y.txt 'Y'
Get-ChildItem ren/*.txt | Rename-Item -NewName { $_.Name -replace 'txt$', 'bak' }
Get-ChildItem ren/*.bak | Copy-Item -Destination { "$($_.DirectoryName)/$($_.BaseName).cp" }
Get-ChildItem ren -Name

Pop-Location
Remove-Item $t -Recurse -Force
