# 2026-11-24 cmdlet issue: listing a whole drive.  psmini defines no built-in functions (its
# prompt belongs to the host), so a fresh Function: drive is empty, and that is no error.
'--- a fresh session'
@(Get-ChildItem function:).Count
Get-ChildItem Function:\
'--- with functions of its own'
function Get-B { 'b' }
function Get-A { 'a' }
Get-ChildItem function: | ForEach-Object Name
Get-ChildItem Function:\ | ForEach-Object Name
'--- a missing name is still an error'
Get-ChildItem function:Get-C -ErrorAction SilentlyContinue
$Error[0].Exception.Message
