Write-Output @@
