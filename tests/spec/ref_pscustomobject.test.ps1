# about_PSCustomObject, about_Objects, about_Properties (PowerShell 7.5 docs) and language.md 8.

#### create and read properties
$o = [pscustomobject]@{ Name = 'x'; Age = 3 }
$o.Name
$o.Age
## STDOUT:
x
3
## END

#### type name
([pscustomobject]@{ a = 1 }).GetType().Name
## stdout: PSCustomObject

#### properties keep declaration order
$o = [pscustomobject]@{ zeta = 1; alpha = 2; mid = 3 }
$o.psobject.Properties.Name -join ','
## stdout: zeta,alpha,mid

#### table display of small object
[pscustomobject]@{ one = 1; two = 2 }
## STDOUT:

one two
--- ---
  1   2

## END

#### table display with string and number
[PSCustomObject]@{ a = "abc"; b = 123 } | Format-Table
## STDOUT:

a     b
-     -
abc 123

## END

#### table display of two objects
[pscustomobject]@{ abc = "1234"; bcd = "123" }, [pscustomobject]@{ abc = "1"; bcd = "1234" } | Format-Table
## STDOUT:

abc  bcd
---  ---
1234 123
1    1234

## END

#### table display wraps with Wrap switch
[pscustomobject]@{ A = 1; B = 2; Name = "This`nIs some random`nmultiline content" } | Format-Table -Wrap
## STDOUT:

A B Name
- - ----
1 2 This
    Is some random
    multiline content

## END

#### list display for five properties
[pscustomobject]@{ a = 1; b = 2; c = 3; d = 4; e = 5 }
## STDOUT:

a : 1
b : 2
c : 3
d : 4
e : 5

## END

#### Format-List pads labels
[pscustomobject]@{ Name = 'n'; LongerName = 'v' } | Format-List
## STDOUT:

Name       : n
LongerName : v

## END

#### Format-List Out-String
$s = [pscustomobject]@{ testName = 'testValue' } | Format-List | Out-String
$s -eq "`ntestName : testValue`n`n"
## stdout: True

#### Format-Table Out-String
$s = [pscustomobject]@{ a = 'abc'; b = 123 } | Format-Table | Out-String
$s -eq "`na     b`n-     -`nabc 123`n`n"
## stdout: True

#### table of several objects in one output
[pscustomobject]@{ n = 'a'; v = 1 }
[pscustomobject]@{ n = 'bb'; v = 22 }
## STDOUT:

n   v
-   -
a   1
bb 22

## END

#### object in string
$o = [pscustomobject]@{ Name = 'x'; Age = 3 }
"$o"
## stdout: @{Name=x; Age=3}

#### empty object in string is empty
$o = [pscustomobject]@{}
"[$o]"
## stdout: []

#### Add-Member note property
$o = [pscustomobject]@{ a = 1 }
$o | Add-Member -NotePropertyName Color -NotePropertyValue 'red'
$o.Color
## stdout: red

#### Add-Member with MemberType
$o = [pscustomobject]@{ a = 1 }
Add-Member -InputObject $o -MemberType NoteProperty -Name b -Value 2
$o.b
## stdout: 2

#### Add-Member script method
$o = [pscustomobject]@{ n = 4 }
$o | Add-Member -MemberType ScriptMethod -Name Double -Value { $this.n * 2 }
$o.Double()
## stdout: 8

#### Add-Member script property
$o = [pscustomobject]@{ n = 4 }
$o | Add-Member -MemberType ScriptProperty -Name Square -Value { $this.n * $this.n }
$o.Square
## stdout: 16

#### setting missing property fails
$o = [pscustomobject]@{ a = 1 }
try { $o.missing = 1 } catch { 'cannot set' }
## stdout: cannot set

#### setting existing property works
$o = [pscustomobject]@{ a = 1 }
$o.a = 5
$o.a
## stdout: 5

#### missing property reads as null
$o = [pscustomobject]@{ a = 1 }
$null -eq $o.nothere
## stdout: True

#### psobject properties count
$o = [pscustomobject]@{ a = 1; b = 2 }
@($o.psobject.Properties).Count
## stdout: 2

#### object is passed by reference
$o = [pscustomobject]@{ a = 1 }
$p = $o
$p.a = 2
$o.a
## stdout: 2

#### psobject Copy is independent
$o = [pscustomobject]@{ a = 1 }
$c = $o.psobject.Copy()
$c.a = 2
$o.a
## stdout: 1

#### property names with dynamic member access
$o = [pscustomobject]@{ 'my prop' = 'v' }
$name = 'my prop'
$o.$name
$o.'my prop'
## STDOUT:
v
v
## END

#### pscustomobject from ordered dictionary
$h = [ordered]@{ b = 1; a = 2 }
$o = [pscustomobject]$h
$o.psobject.Properties.Name -join ','
## stdout: b,a

#### pscustomobject type names
$o = [pscustomobject]@{ a = 1 }
$o.psobject.TypeNames[0]
## stdout: System.Management.Automation.PSCustomObject

#### PSTypeName key sets type name
$o = [pscustomobject]@{ PSTypeName = 'My.Type'; a = 1 }
$o.psobject.TypeNames[0]
## stdout: My.Type

#### Select-Object calculated property
$o = [pscustomobject]@{ n = 3 } | Select-Object @{ Name = 'Double'; Expression = { $_.n * 2 } }
$o.Double
## stdout: 6

#### objects in a pipeline by property
$list = [pscustomobject]@{ n = 'a' }, [pscustomobject]@{ n = 'b' }
$list | ForEach-Object { $_.n.ToUpper() }
## STDOUT:
A
B
## END

#### New-Object PSObject with Property
$o = New-Object -TypeName PSObject -Property @{ x = 10 }
$o.x
## stdout: 10

#### compare pscustomobject property values
$a = [pscustomobject]@{ v = 1 }
$b = [pscustomobject]@{ v = 1 }
$a.v -eq $b.v
## stdout: True

#### Get-Member on pscustomobject lists note properties
$o = [pscustomobject]@{ alpha = 1; beta = 2 }
($o | Get-Member -MemberType NoteProperty).Name -join ','
## stdout: alpha,beta

#### Format-Table with property selection
[pscustomobject]@{ a = 1; b = 2; c = 3 } | Format-Table -Property c, a
## STDOUT:

c a
- -
3 1

## END

#### table shows doubles with two decimals
[pscustomobject]@{ pi = 3.14159 }
## STDOUT:

  pi
  --
3.14

## END

#### list shows full double
[pscustomobject]@{ pi = 3.14159 } | Format-List
## STDOUT:

pi : 3.14159

## END

#### table shows array values in braces
[pscustomobject]@{ list = 1, 2, 3 }
## STDOUT:

list
----
{1, 2, 3}

## END

#### table truncates long arrays with ellipsis
[pscustomobject]@{ list = 1, 2, 3, 4, 5 }
## STDOUT:

list
----
{1, 2, 3, 4…}

## END

#### scalars print out of band in table stream
[pscustomobject]@{ a = 1 }
'text'
## STDOUT:

a
-
1
text

## END
