# 2026-11-24 MatchInfo through its custom control (PowerShellCore_format_ps1xml.cs: one
# $_.ToEmphasizedString($PWD) line block per match, plain text when not on a terminal): the
# block opens and closes with one blank line (Fs/Fe of OutCommandInner); piped strings show
# the line alone, files "relative/path:line:text", -Context marks the match with "> ".
'hello', 'world', 'other' | Select-String o | Out-Host
$t = "/tmp/psmini-sls-$PID"
New-Item -ItemType Directory $t | Out-Null
Push-Location $t
'one', 'two', 'three', 'four', 'five' | Set-Content lines.txt
Select-String -Path lines.txt -Pattern 't' | Out-Host
Select-String -Path lines.txt -Pattern 'three' -Context 1 | Out-Host
Select-String -Path lines.txt -Pattern 'four' -Context 2, 0 | Out-Host
'--- Out-String keeps the framing'
('abc' | Select-String b | Out-String) -replace "`n", '|'
Pop-Location
Remove-Item -Recurse $t
'--- one Out-Default: strings after the block are out of band, the block closes at the end'
'xyz' | Select-String y
'after'
