Get-ChildItem -Path C:\temp -Recurse -Filter *.txt | Where-Object { $_.Length -gt 100 } | Sort-Object Length -Descending
Write-Output 2+2 a,b,c -Name:value --% raw text here
