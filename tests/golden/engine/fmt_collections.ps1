# 2026-11-24 issue 3: collections through Out-Default.
# How the collection types print through Out-Default: a list prints its items one per line
# (like an array); an OrderedDictionary prints the Name/Value table.
$l = [System.Collections.ArrayList]@(1, 'two', 3)
$l
$g = [System.Collections.Generic.List[string]]::new()
$g.Add('x')
$g.Add(5)
$g
New-Object System.Collections.ArrayList | ForEach-Object { 'New-Object writes the list itself: ' + $_.Count }
[ordered]@{ b = 1; a = 'two' }
$l.GetType().Name
$g.GetType().Name
$g.GetType().FullName
"$g"
$g.ToString()
@($l).Count
(1, 2).ForEach({ $_ * 2 }).GetType().FullName
