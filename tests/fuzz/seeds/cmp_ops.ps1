$x -eq 1; $x -ceq "A"; $x -ilike "a*"; $s -match "^\d+$"; $s -replace "a","b"
$a -contains 3; 3 -in $a; $a -notin 1,2; "a b" -split " "; -split "x y"; $a -is [int]; $a -as [string]
