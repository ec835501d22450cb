# 2026-11-24 cmdlet issue (filecmds): Get/Set/Push/Pop-Location, cd - and cd +.
$t = "/tmp/psmini-loc-$PID"
New-Item -ItemType Directory $t/one/two | Out-Null
function Here { (Get-Location).Path.Replace($t, '<t>') }

Set-Location $t
Here
(Get-Location).GetType().FullName
$PWD.Path -eq (Get-Location).Path
'--- relative paths, .. and -PassThru'
Set-Location one
Here
(Set-Location two -PassThru).Path.Replace($t, '<t>')
Set-Location ../..
Here
'--- cd - and cd + walk the history'
cd one
cd two
cd -
Here
cd -
Here
cd +
Here
cd +
Here
try { cd + -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
'--- the location is where native commands run'
Set-Location $t/one
(pwd).Path.Replace($t, '<t>')
sh -c 'basename "$PWD"'
'--- Push-Location / Pop-Location'
Set-Location $t
Push-Location one
Here
Push-Location two
Here
(Get-Location -Stack | ForEach-Object { $_.Path.Replace($t, '<t>') }) -join ', '
Pop-Location
Here
(Pop-Location -PassThru).Path.Replace($t, '<t>')
Pop-Location
Here
'(popping an empty stack is not an error)'
pushd one
popd
Here
'--- errors'
try { Set-Location nothere -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }
New-Item afile.txt | Out-Null
try { Set-Location afile.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($t, '<t>'); $_.FullyQualifiedErrorId }
Here

Set-Location /
Remove-Item $t -Recurse
