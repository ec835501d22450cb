a-b.c=d x.y -x:y @{} ./script.ps1 ..\up C:\path\to\file.txt http://example.com/a?b=c&d=e
Get-Thing xy"z"`w $var/path a$b ${c}d
