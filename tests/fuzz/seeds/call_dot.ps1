& $sb 1 2; & "Get-Thing" -x; . ./lib.ps1; . { $y = 1 }; & { param($a) $a } 5
$sb = { param([int]$n) $n * 2 }
