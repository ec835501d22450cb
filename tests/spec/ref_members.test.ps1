# about_Member-Access_Enumeration, about_Intrinsic_Members, about_Methods, about_Properties (PowerShell 7.5 docs).

#### member enumeration of property over array
$objs = [pscustomobject]@{ n = 1 }, [pscustomobject]@{ n = 2 }
$objs.n
## STDOUT:
1
2
## END

#### member enumeration result is array
$objs = [pscustomobject]@{ n = 1 }, [pscustomobject]@{ n = 2 }
$objs.n.GetType().Name
## stdout: Object[]

#### method enumeration
('a', 'bb').ToUpper()
## STDOUT:
A
BB
## END

#### collection member wins over enumeration
('a', 'bb').Length
('a', 'bb').Count
## STDOUT:
2
2
## END

#### array ToString is the array's own method
(1, 2).ToString()
## stdout: System.Object[]

#### member enumeration over nested property
$objs = [pscustomobject]@{ inner = [pscustomobject]@{ v = 'x' } }, [pscustomobject]@{ inner = [pscustomobject]@{ v = 'y' } }
$objs.inner.v -join ','
## stdout: x,y

#### member enumeration with single element array
$objs = @([pscustomobject]@{ n = 7 })
$objs.n
## stdout: 7

#### member enumeration over string lengths
('one', 'three').Length
(('one', 'three') | ForEach-Object Length) -join ','
## STDOUT:
2
3,5
## END

#### member enumeration yields null for pscustomobject missing property
$objs = [pscustomobject]@{ n = 1 }, [pscustomobject]@{ m = 2 }, [pscustomobject]@{ n = 3 }
$objs.n -join ','
## stdout: 1,,3

#### member enumeration of pscustomobjects keeps nulls
$foo = [pscustomobject]@{ Foo = 'Foo' }
$bar = [pscustomobject]@{ Bar = 'Bar' }
$baz = [pscustomobject]@{ Baz = 'Baz' }
($foo, $bar, $baz).Foo.Count
## stdout: 3

#### member on list collection itself wins
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Count
$Collection | ForEach-Object -Process { $_.Count }
## STDOUT:
3
1
1
1
## END

#### list ToString is the list's own method
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.ToString()
## stdout: System.Collections.Generic.List`1[System.String]

#### member enumeration over generic list
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Length
$Collection.ToUpper()
## STDOUT:
1
1
1
A
B
C
## END

#### missing property on collection and items is null
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$null -eq $Collection.DoesNotExist
## stdout: True

#### missing method during enumeration is an error
try { @('a', 1, 'c').ToUpper() } catch { $_.FullyQualifiedErrorId }
## stdout: MethodNotFound

#### member enumeration applies to nested collections
$a = @(, ('bar', 'baz'), 'foo')
$a.Count
$a.ToUpper()
## STDOUT:
2
BAR
BAZ
FOO
## END

#### missing property on string is null
$MyString = 'abc'
$null -eq $MyString.DoesNotExist
## stdout: True

#### member enumeration picks items having a script property
$CapitalizedProperty = @{
    MemberType = 'ScriptProperty'
    Name       = 'Capitalized'
    Value      = { $this.ToUpper() }
    PassThru   = $true
}
[System.Collections.Generic.List[Object]]$MixedCollection = @(
    'a'
    ('b' | Add-Member @CapitalizedProperty)
    ('c' | Add-Member @CapitalizedProperty)
    'd'
)
$MixedCollection.Capitalized
## STDOUT:
B
C
## END

#### member enumeration flattens collection properties
$objs = [pscustomobject]@{ list = 1, 2 }, [pscustomobject]@{ list = 3 }
$objs.list.Count
## stdout: 3

#### cannot set via member enumeration
$objs = [pscustomobject]@{ n = 1 }, [pscustomobject]@{ n = 2 }
try { $objs.n = 5 } catch { 'cannot set' }
## stdout: cannot set

#### intrinsic Count on scalar
(5).Count
'abc'.Count
## STDOUT:
1
1
## END

#### intrinsic Length on scalar number
(5).Length
## stdout: 1

#### intrinsic indexer on scalar
(5)[0]
$null -eq (5)[1]
## STDOUT:
5
True
## END

#### ForEach method on scalar
(5).ForEach({ $_ + 1 })
## stdout: 6

#### Where method on scalar
(5).Where({ $_ -gt 3 }).Count
## stdout: 1

#### ForEach method with property name
$objs = [pscustomobject]@{ n = 'a' }, [pscustomobject]@{ n = 'b' }
$objs.ForEach('n') -join ','
## stdout: a,b

#### ForEach method with method name
('a', 'b').ForEach('ToUpper') -join ','
## stdout: A,B

#### ForEach method sets property value
$objs = [pscustomobject]@{ n = 'a' }, [pscustomobject]@{ n = 'b' }
$objs.ForEach('n', 'z')
$objs.n -join ','
## stdout: z,z

#### ForEach method with type converts
$r = ('1', '2').ForEach([int])
$r[0].GetType().Name
## stdout: Int32

#### ForEach method result is a collection
$r = (1, 2).ForEach({ $_ })
$r.GetType().Name
## stdout: Collection`1

#### psobject intrinsic member
(5).psobject.TypeNames[0]
## stdout: System.Int32

#### pstypenames intrinsic member
('x').pstypenames[0]
## stdout: System.String

#### psbase on hashtable
$h = @{ Count = 'key' }
$h.Count
$h.psbase.Count
## STDOUT:
key
1
## END

#### string methods
'abc'.ToUpper()
'ABC'.ToLower()
'abc'.Substring(1)
'abc'.Replace('b', 'x')
'abc'.Contains('b')
## STDOUT:
ABC
abc
bc
axc
True
## END

#### string methods trim and pad
'  x  '.Trim()
'x'.PadLeft(3, '.')
'x'.PadRight(3, '.')
## STDOUT:
x
..x
x..
## END

#### string IndexOf StartsWith EndsWith
'hello'.IndexOf('l')
'hello'.StartsWith('he')
'hello'.EndsWith('lo')
## STDOUT:
2
True
True
## END

#### string Split method
'a,b,c'.Split(',')[1]
## stdout: b

#### string Length property
'hello'.Length
## stdout: 5

#### method call on null fails
$n = $null
try { $n.ToString() } catch { 'null method' }
## stdout: null method

#### missing method fails
try { 'abc'.NoSuchMethod() } catch { 'no method' }
## stdout: no method

#### property on null is null
$n = $null
$null -eq $n.Anything
## stdout: True

#### static member access
[math]::PI
[int]::MaxValue
## STDOUT:
3.14159265358979
2147483647
## END

#### static method call
[math]::Max(2, 9)
## stdout: 9

#### dynamic method name
$m = 'ToUpper'
'abc'.$m()
## stdout: ABC

#### chained method calls
' Hello '.Trim().ToLower().Replace('l', 'L')
## stdout: heLLo

#### method with multiple arguments
'abcdef'.Substring(1, 3)
## stdout: bcd

#### method call on expression result
(1..3).Count
(Get-Date -Year 2000 -Month 1 -Day 1).Year
## STDOUT:
3
2000
## END

#### null conditional member access
$a = $null
${a}?.Length
$s = 'abc'
${s}?.Length
## stdout: 3

#### null conditional index
$arr = $null
${arr}?[0]
$arr2 = 10, 20
${arr2}?[1]
## stdout: 20

#### null coalescing
$x = $null
$x ?? 'default'
$y = 'value'
$y ?? 'default'
## STDOUT:
default
value
## END

#### null coalescing does not evaluate right side when left not null
$script:evaluated = $false
function Set-Eval { $script:evaluated = $true; 'r' }
$null = 'left' ?? (Set-Eval)
$evaluated
## stdout: False

#### null coalescing precedence
2 ?? 1 + 2
## stdout: 2

#### hashtable keys via member enumeration of keys collection
$h = [ordered]@{ a = 1; b = 2 }
$h.Keys.ToUpper() -join ','
## stdout: A,B
