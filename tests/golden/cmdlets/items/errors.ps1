# 2026-11-24 cmdlet issue (filecmds): non-terminating file-system errors as pwsh renders them;
# the script goes on after each one.
Get-Content /nonexistent/file.txt
Get-Item /nonexistent/item
Get-ChildItem /nonexistent/dir
Remove-Item /nonexistent/x
Copy-Item /nonexistent/x /tmp
'still running'
Set-Location /nonexistent
'still running: Set-Location errors are non-terminating too'
