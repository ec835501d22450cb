$x = $(Get-Date }
