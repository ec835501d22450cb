# 2026-11-24 cmdlet issue: -Context where the context of neighbouring matches overlaps.  The
# display (ToString, DisplayPreContext/DisplayPostContext) shows each line once: a match's
# post-context stops at the next match, and the next pre-context only takes lines after it.
# Context.PreContext/PostContext keep the whole logical context, other matches included.
$t = "/tmp/psmini-slsctx-$PID"
New-Item -ItemType Directory $t | Out-Null
Push-Location $t
Set-Content lines.txt 'one', 'two', 'match A', 'three', 'match B', 'four', 'five', 'six', 'match C', 'seven'

'--- two matches one line apart, -Context 2'
Select-String -Path lines.txt -Pattern match -Context 2 | Out-String
'--- the arrays'
foreach ($m in Select-String -Path lines.txt -Pattern match -Context 2) {
    '{0}: Pre=[{1}] Post=[{2}] DisplayPre=[{3}] DisplayPost=[{4}]' -f $m.LineNumber,
        ($m.Context.PreContext -join ','), ($m.Context.PostContext -join ','),
        ($m.Context.DisplayPreContext -join ','), ($m.Context.DisplayPostContext -join ',')
}
'--- adjacent matches, -Context 1, 3'
$m = 'a', 'x1', 'x2', 'b', 'c', 'd', 'e' | Select-String x -Context 1, 3
$m | ForEach-Object { $_.ToString(); '--' }
$m[0].Context.PostContext -join ','
$m[0].Context.DisplayPostContext -join ','
$m[1].Context.PreContext -join ','
$m[1].Context.DisplayPreContext.Count
'--- -Context 0, 2 and 2, 0'
(Select-String -Path lines.txt -Pattern match -Context 0, 2 | Out-String).Trim()
(Select-String -Path lines.txt -Pattern match -Context 2, 0 | Out-String).Trim()

Pop-Location
Remove-Item $t -Recurse -Force
