Write-Output "ok" a${bc
