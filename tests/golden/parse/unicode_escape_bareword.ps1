Write-Output a`u{}b
