Get-ChildItem >
