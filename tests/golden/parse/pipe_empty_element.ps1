Get-ChildItem | | Sort-Object
