Get-ChildItem | 42
