# 2026-11-24 cmdlet issue: a table row whose last cells are empty.  pwsh's TableWriter pads
# every column but the last to its width and adds the separators, so such a row keeps
# trailing blanks; only the lines of a row wrapped over several lines are trimmed.
# (Each line is shown between | marks so the blanks are visible.)
function Show { ($input | Out-String) -split "`n" | ForEach-Object { "|$_|" } }
[pscustomobject]@{A = 'x'; B = ''}, [pscustomobject]@{A = 'yyyy'; B = 'z'} | Format-Table | Show
[pscustomobject]@{A = 'x'; B = $null; C = ''}, [pscustomobject]@{A = 'yyyy'; B = 'zz'; C = ''} |
    Format-Table | Show
'--- a right-aligned first column'
[pscustomobject]@{N = 1; B = ''}, [pscustomobject]@{N = 22; B = 'b'} | Format-Table | Show
'--- -Wrap: each line ends with its last column that has a line there (B has one empty line)'
[pscustomobject]@{A = 'one two three four'; B = ''} | Format-Table @{e = 'A'; width = 8}, B -Wrap | Show
