while $true { }
