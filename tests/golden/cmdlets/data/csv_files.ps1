# Import-Csv and Export-Csv, -Append, -NoClobber (2026-11-24, cmdlet issue: utilcmds).
Import-Csv people.csv
Import-Csv -Path people.csv | Where-Object Dept -eq 'Eng' | ForEach-Object Name
$out = 'utilcmds-export.tmp.csv'
Import-Csv people.csv | Select-Object Name, Age | Export-Csv -Path $out
Get-Content $out
[pscustomobject]@{ Name = 'Dan'; Age = 50 } | Export-Csv $out -Append
Get-Content $out
[pscustomobject]@{ Name = 'Eve' } | Export-Csv $out -Append
[pscustomobject]@{ Name = 'Eve' } | Export-Csv $out -NoClobber
Remove-Item $out
Import-Csv missing.csv
'end'
