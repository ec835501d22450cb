Write-Output "abc
