# 2026-11-24 one Out-Default, objects of several types (language.md 8.1 rules 3-5).  A table
# built from the first object's properties takes every later object with those columns
# (PowerShell/PowerShell#3233: the later object's extra properties are not shown); strings are
# out of band, in place, even inside the table; an object a registered view cannot show (the
# hashtable's DictionaryEntry view) comes out of band as a list block.
[pscustomobject]@{a = 1}
'inside the table'
[pscustomobject]@{a = 2; b = 3}
