Get-Content < in.txt
