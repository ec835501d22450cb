Get-Thing > out.txt 2>&1
Get-Thing 2> err.txt 3>> warn.txt *> all.txt
Get-Thing 1>$null
cmd < in.txt
