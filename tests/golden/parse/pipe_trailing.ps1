Get-ChildItem |
