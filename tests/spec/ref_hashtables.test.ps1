# about_Hash_Tables (PowerShell 7.5 docs) and language.md 6.8, 8.2, 8.5.

#### access by dot and index
$hash = @{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.Number
$hash["Shape"]
## STDOUT:
1
Square
## END

#### count of hashtable
$hash = @{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.Count
$hash.Keys.Count
$hash.Values.Count
## STDOUT:
3
3
3
## END

#### empty hashtable
$hash = @{}
$hash.Count
$hash.GetType().Name
## STDOUT:
0
Hashtable
## END

#### add key with Add method
$hash = @{}
$hash.Add("Time", "Now")
$hash.Time
## stdout: Now

#### add key by assignment
$hash = @{}
$hash["Time"] = "Now"
$hash.Other = 'x'
$hash.Count
## stdout: 2

#### Add with duplicate key fails
$hash = @{ a = 1 }
try { $hash.Add('a', 2) } catch { 'duplicate' }
## stdout: duplicate

#### index assignment overwrites existing key
$hash = @{ a = 1 }
$hash['a'] = 2
$hash.a
## stdout: 2

#### remove key
$hash = @{ a = 1; b = 2 }
$hash.Remove('a')
$hash.Count
$hash.ContainsKey('a')
## STDOUT:
1
False
## END

#### ContainsKey and ContainsValue
$hash = @{ Number = 1; Color = "Blue" }
$hash.ContainsKey('Number')
$hash.ContainsValue('Blue')
$hash.ContainsValue('Red')
## STDOUT:
True
True
False
## END

#### keys are case insensitive
$hash = @{ Name = 'v' }
$hash.NAME
$hash['name']
## STDOUT:
v
v
## END

#### missing key returns null
$hash = @{ a = 1 }
$null -eq $hash.missing
$null -eq $hash['missing']
## STDOUT:
True
True
## END

#### integer key is distinct from string key
$h = @{}
$h[1] = 'one'
$h[1]
$null -eq $h['1']
## STDOUT:
one
True
## END

#### quoted keys with spaces
$h = @{ 'a b' = 1 }
$h.'a b'
$h['a b']
## STDOUT:
1
1
## END

#### nested hashtables
$h = @{ a = @{ b = 2 } }
$h.a.b
$h['a']['b']
## STDOUT:
2
2
## END

#### hashtable entries on separate lines
$h = @{
    First = 1
    Second = 2
}
$h.First + $h.Second
## stdout: 3

#### hashtable value is a statement
$h = @{ v = if ($true) { 'from if' } }
$h.v
## stdout: from if

#### hashtable with array value
$h = @{ list = 1, 2, 3 }
$h.list.Count
## stdout: 3

#### ordered dictionary keeps insertion order
$hash = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.Keys -join ','
## stdout: Number,Shape,Color

#### ordered dictionary type
([ordered]@{ a = 1 }).GetType().Name
## stdout: OrderedDictionary

#### ordered dictionary index by position
$hash = [ordered]@{ a = 'first'; b = 'second' }
$hash[1]
## stdout: second

#### ordered dictionary values in order
$hash = [ordered]@{ z = 26; a = 1; m = 13 }
$hash.Values -join ','
## stdout: 26,1,13

#### iterate keys in ordered dictionary
$hash = [ordered]@{ x = 1; y = 2 }
foreach ($key in $hash.Keys) { "$key = $($hash[$key])" }
## STDOUT:
x = 1
y = 2
## END

#### GetEnumerator key value pairs
$hash = [ordered]@{ x = 1; y = 2 }
$hash.GetEnumerator() | ForEach-Object { "$($_.Key):$($_.Value)" }
## STDOUT:
x:1
y:2
## END

#### hashtable is one pipeline object
$h = @{ a = 1; b = 2 }
($h | Measure-Object).Count
## stdout: 1

#### hashtable to string
"$(@{ a = 1 })"
## stdout: System.Collections.Hashtable

#### hashtable key shadows property
$h = @{ Keys = 'shadow' }
$h.Keys
## stdout: shadow

#### psbase gives real properties
$h = @{ Keys = 'shadow' }
$h.psbase.Keys -join ','
$h.psbase.Count
## STDOUT:
Keys
1
## END

#### sort hashtable by key
$h = @{ b = 2; c = 3; a = 1 }
($h.GetEnumerator() | Sort-Object -Property Key | ForEach-Object { $_.Key }) -join ','
## stdout: a,b,c

#### hashtable Clone is independent
$h = @{ a = 1 }
$c = $h.Clone()
$c.a = 2
$h.a
## stdout: 1

#### hashtable assignment is by reference
$h = @{ a = 1 }
$g = $h
$g.a = 2
$h.a
## stdout: 2

#### hashtable plus hashtable
$h = @{ a = 1 } + @{ b = 2 }
$h.Count
## stdout: 2

#### ordered hashtable display
[ordered]@{ 1 = 'one'; 2 = 'two'; 'three' = 3 }
## STDOUT:

Name                           Value
----                           -----
1                              one
2                              two
three                          3

## END

#### single key hashtable display
@{ key = 'value' }
## STDOUT:

Name                           Value
----                           -----
key                            value

## END

#### hashtable Out-String trimmed in a string
"hashtable:`n$((@{ key = 'value' } | Out-String).Trim())"
## STDOUT:
hashtable:
Name                           Value
----                           -----
key                            value
## END

#### cast hashtable to pscustomobject
$o = [pscustomobject]@{ a = 1; b = 2 }
$o.GetType().Name
$o.b
## STDOUT:
PSCustomObject
2
## END

#### hashtable keys with numbers
$h = @{ 1 = 'one'; 2 = 'two' }
$h[2]
## stdout: two

#### hashtable member enumeration over array of hashtables
$list = @{ n = 1 }, @{ n = 2 }
$list.n -join ','
## stdout: 1,2

#### hashtable increment value
$h = @{ count = 0 }
$h.count++
$h['count'] += 5
$h.count
## stdout: 6

#### hashtable key with expression
$k = 'dyn'
$h = @{ $k = 'dynamic key' }
$h.dyn
## stdout: dynamic key

#### ordered dictionary Insert and Remove
$h = [ordered]@{ a = 1; c = 3 }
$h.Insert(1, 'b', 2)
$h.Keys -join ','
$h.Remove('a')
$h.Keys -join ','
## STDOUT:
a,b,c
b,c
## END

#### splat hashtable keys case insensitive in ContainsKey
$h = @{ Key = 1 }
$h.ContainsKey('KEY')
## stdout: True

#### member notation with numeric key
$hash = @{ 1 = 'one'; 2 = 'two'; 'three' = 3 }
$hash.1
$hash['three']
$hash[2]
## STDOUT:
one
3
two
## END

#### ordered dictionary integer index versus object key
$dictionary = [ordered]@{ 1 = 'one'; 2 = 'two'; 'three' = 3 }
$dictionary.2
$dictionary[1]
([array]$dictionary.Values)[1]
$dictionary[[object]1]
$dictionary['three']
## STDOUT:
two
two
two
one
3
## END

#### ordered dictionary keys and values in order
$dictionary = [ordered]@{ 1 = 'one'; 2 = 'two'; 'three' = 3 }
$dictionary.Keys
$dictionary.Values
## STDOUT:
1
2
three
one
two
3
## END

#### ordered attribute on a variable is a parse error
'before'
[ordered]$orderedhash = @{}
## stdout-json: ""
## status: 1

#### cast ordered dictionary to hashtable
[hashtable]$newhash = [ordered]@{
    Number = 1
    Shape = "Square"
    Color = "Blue"
}
$newhash.GetType().Name
$newhash.Count
$newhash.Shape
## STDOUT:
Hashtable
3
Square
## END

#### iterate keys with foreach
$hash = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }
foreach ($Key in $hash.Keys) {
    "The value of '$Key' is: $($hash[$Key])"
}
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
## END

#### iterate keys with ForEach-Object
$hash = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.Keys | ForEach-Object {
    "The value of '$_' is: $($hash[$_])"
}
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
## END

#### iterate with GetEnumerator and ForEach method
$hash = [ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }
$hash.GetEnumerator().ForEach({ "The value of '$($_.Key)' is: $($_.Value)" })
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
## END

#### add with plus operator
$hash = @{}
$hash = $hash + @{ Time = "Now" }
$hash.Time
## stdout: Now

#### add with a variable key
$hash = @{}
$t = "Today"
$hash.Add($t, 'value')
$hash.Today
## stdout: value

#### nested hashtable value display
@{ Hash2 = [ordered]@{ a = 1; b = 2; c = 3 } }
## STDOUT:

Name                           Value
----                           -----
Hash2                          {[a, 1], [b, 2], [c, 3]}

## END

#### ConvertFrom-StringData
$string = @"
Msg1 = Type "Windows".
Msg2 = She said, "Hello, World."
Msg3 = Enter an alias (or "nickname").
"@
$h = ConvertFrom-StringData $string
$h.Count
$h.Msg2
## STDOUT:
3
She said, "Hello, World."
## END

#### hashtable keys can be any type
$h = @{ 1.5 = 'double'; $true = 'bool' }
$h[1.5]
$h[$true]
## STDOUT:
double
bool
## END
