# Select-Object.md examples 4, 5, 6, 10, 11 and 13 (2026-11-24, cmdlet issue: objects).
"a","b","c","a","A","a" | Select-Object -Unique
'--'
"a","a","b","c" | Select-Object -First 2 -Unique
'--'
"aa", "Aa", "Bb", "bb" | Select-Object -Unique -CaseInsensitive
'--'
$object = [pscustomobject]@{Name="CustomObject";Expand=@(1,2,3,4,5)}
$object | Select-Object -ExpandProperty Expand -Property Name
($object | Select-Object -ExpandProperty Expand -Property Name)[0].Name
$customObject = 1 | Select-Object -Property MyCustomProperty
$customObject.MyCustomProperty = "New Custom Property"
$customObject
