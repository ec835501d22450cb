$x = (1 + 2
Write-Output $(
