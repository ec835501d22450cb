# about_Arrays (PowerShell 7.5 docs) and language.md 2.2, 5.2.

#### create array with commas
$A = 22, 5, 10, 8, 12, 9, 80
$A.Count
## stdout: 7

#### array index zero
$A = 22, 5, 10, 8, 12, 9, 80
$A[0]
## stdout: 22

#### array range index
$A = 22, 5, 10, 8, 12, 9, 80
$A[1..3]
## STDOUT:
5
10
8
## END

#### negative index counts from end
$A = 22, 5, 10, 8, 12, 9, 80
$A[-1]
$A[-3..-1] -join ','
## STDOUT:
80
12,9,80
## END

#### multiple index with plus
$A = 22, 5, 10, 8, 12, 9, 80
$A[0, 2 + 4..6] -join ','
## stdout: 22,10,12,9,80

#### index list
$A = 'a', 'b', 'c', 'd'
$A[0, 2] -join ','
## stdout: a,c

#### reverse range index
$a = 0..9
$a[2..0] -join ','
## stdout: 2,1,0

#### range from positive to negative index wraps
$a = 0, 1, 2, 3, 4
$a[1..-1] -join ','
## stdout: 1,0,4

#### out of range index returns null
$a = 1, 2, 3
$null -eq $a[10]
## stdout: True

#### range operator array
$a = 1..5
$a -join ','
$a.GetType().Name
## STDOUT:
1,2,3,4,5
Object[]
## END

#### descending range
5..1 -join ','
## stdout: 5,4,3,2,1

#### range with negative bounds
-2..2 -join ','
## stdout: -2,-1,0,1,2

#### character range
'a'..'e' -join ''
## stdout: abcde

#### array subexpression always array
@(1).GetType().Name
@(1).Count
@().Count
## STDOUT:
Object[]
1
0
## END

#### array subexpression of array does not nest
@(@(1, 2)).Count
## stdout: 2

#### array subexpression with statements
$r = @(
    'a'
    'b'
)
$r.Count
## stdout: 2

#### unary comma creates single element array
$a = , 1
$a.Count
$a.GetType().Name
## STDOUT:
1
Object[]
## END

#### nested array with unary comma
$a = , (1, 2)
$a.Count
$a[0].Count
## STDOUT:
1
2
## END

#### jagged array indexing
$a = @(1, 2), @(3, 4)
$a[1][0]
## stdout: 3

#### array Length and Count
$a = 1, 2, 3
$a.Length
$a.Count
## STDOUT:
3
3
## END

#### set array element
$a = 1, 2, 3
$a[1] = 20
$a -join ','
## stdout: 1,20,3

#### set element out of range fails
$a = 1, 2, 3
try { $a[5] = 1 } catch { 'out of range' }
## stdout: out of range

#### array contains operator
$a = 1..5
$a -contains 3
## stdout: True

#### strongly typed array
[int[]]$a = 1, '2', 3
$a.GetType().Name
$a[1].GetType().Name
## STDOUT:
Int32[]
Int32
## END

#### typed array rejects bad element
[int[]]$a = 1, 2
try { $a[0] = 'x' } catch { 'rejected' }
## stdout: rejected

#### string array cast
$s = [string[]](1, 2)
$s[0].GetType().Name
## stdout: String

#### ForEach method
(1..3).ForEach({ $_ * 2 }) -join ','
## stdout: 2,4,6

#### Where method
(0..9).Where{ $_ % 2 } -join ','
## stdout: 1,3,5,7,9

#### Where method First mode
(1..10).Where({ $_ -gt 5 }, 'First') -join ','
## stdout: 6

#### Where method First with count
(1..10).Where({ $_ -gt 5 }, 'First', 2) -join ','
## stdout: 6,7

#### Where method Last mode
(1..10).Where({ $_ -gt 5 }, 'Last', 2) -join ','
## stdout: 9,10

#### Where method SkipUntil mode
(1..6).Where({ $_ -eq 4 }, 'SkipUntil') -join ','
## stdout: 4,5,6

#### Where method Until mode
(1..6).Where({ $_ -eq 4 }, 'Until') -join ','
## stdout: 1,2,3

#### Where method Split mode
$low, $high = (1..6).Where({ $_ -le 3 }, 'Split')
$low -join ','
$high -join ','
## STDOUT:
1,2,3
4,5,6
## END

#### array is unrolled in pipeline
$a = 1, 2, 3
($a | Measure-Object).Count
## stdout: 3

#### array plus element creates new array
$a = 1, 2
$b = $a
$a += 3
$b.Count
$a.Count
## STDOUT:
2
3
## END

#### empty array count
$a = @()
$a.Count
## stdout: 0

#### array of mixed types
$a = 1, 'two', 3.0
$a[1].GetType().Name
$a[2].GetType().Name
## STDOUT:
String
Double
## END

#### array in string uses spaces
$a = 1, 2, 3
"$a"
## stdout: 1 2 3

#### array multiplication
$a = 1, 2
($a * 3) -join ','
## stdout: 1,2,1,2,1,2

#### array slice assignment source unchanged
$a = 0..4
$s = $a[1..2]
$s[0] = 99
$a[1]
## stdout: 1

#### IndexOf static method
[array]::IndexOf(@('a', 'b', 'c'), 'b')
## stdout: 1

#### array Reverse static method
$a = 1, 2, 3
[array]::Reverse($a)
$a -join ','
## stdout: 3,2,1

#### sort array with Sort-Object
3, 1, 2 | Sort-Object
## STDOUT:
1
2
3
## END

#### array equality filter
$a = 'x', 'y', 'x'
($a -eq 'x').Count
## stdout: 2

#### scalar has Count of one
$s = 5
$s.Count
$s[0]
## STDOUT:
1
5
## END

#### null has Count zero
$null.Count
## stdout: 0

#### string indexer returns char
'abc'[1]
'abc'[1].GetType().Name
## STDOUT:
b
Char
## END

#### index into null is an error
$n = $null
try { $n[0] } catch { 'cannot index null' }
## stdout: cannot index null

#### ArrayList Add returns index
$list = [System.Collections.ArrayList]::new()
$list.Add('a')
$list.Add('b')
$list.Count
## STDOUT:
0
1
2
## END

#### ArrayList Add suppressed with void
$list = [System.Collections.ArrayList]::new()
[void]$list.Add('a')
$list.Add('b') > $null
$list -join ','
## stdout: a,b

#### ArrayList Remove
$list = [System.Collections.ArrayList]@(1, 2, 3)
$list.Remove(2)
$list -join ','
## stdout: 1,3

#### generic List of string
$list = [System.Collections.Generic.List[string]]::new()
$list.Add('x')
$list.Add('y')
$list.Count
$list[1]
## STDOUT:
2
y
## END

#### array Clear sets default values
$a = 1, 2, 3
$a.Clear()
$a | ForEach-Object { $null -eq $_ }
## STDOUT:
True
True
True
## END

#### typed array Clear sets zeros
[int[]]$intA = 1, 2, 3
$intA.Clear()
$intA
## STDOUT:
0
0
0
## END

#### index with several ranges joined by plus
$a = 0..9
$a[+0..2+4..6+8] -join ','
## stdout: 0,1,2,4,5,6,8

#### for loop over every other element
$a = 0..9
for ($i = 0; $i -le ($a.Length - 1); $i += 2) {
    $a[$i]
}
## STDOUT:
0
2
4
6
8
## END

#### while loop over first elements
$a = 0..9
$i = 0
while ($i -lt 4) {
    $a[$i]
    $i++
}
## STDOUT:
0
1
2
3
## END

#### jagged array rank is one
$a = @(
    @(0, 1),
    @("b", "c")
)
"`$a rank: $($a.Rank)"
"`$a length: $($a.Length)"
## STDOUT:
$a rank: 1
$a length: 2
## END

#### multidimensional array
[string[,]]$rank2 = [string[,]]::new(3, 2)
$rank2.Rank
$rank2.Length
$rank2[0, 0] = 'a'
$rank2[0, 1] = 'b'
$rank2[1, 0] = 'c'
$rank2[1, 1] = 'd'
$rank2[2, 0] = 'e'
$rank2[2, 1] = 'f'
$rank2[1, 1]
## STDOUT:
2
6
d
## END

#### multidimensional array is flattened on concatenation
$a = "red", $true
$b = (New-Object 'int[,]' 2, 2)
$b[0, 0] = 10
$b[0, 1] = 20
$b[1, 0] = 30
$b[1, 1] = 40
$c = $a + $b
$a.GetType().Name
$b.GetType().Name
$c.GetType().Name
$c
## STDOUT:
Object[]
Int32[,]
Object[]
red
True
10
20
30
40
## END

#### ForEach method squares
$a = @(0 .. 3)
$a.ForEach({ $_ * $_ })
## STDOUT:
0
1
4
9
## END

#### ForEach method calls method by name
("one", "two", "three").ForEach("ToUpper")
## STDOUT:
ONE
TWO
THREE
## END

#### Where method selects non-empty strings
('hi', '', 'there').Where{ $_ }
## STDOUT:
hi
there
## END

#### Where Until mode equals filter
((1..50).Where({ $_ -gt 10 }, 'Until')) -join ','
((1..50).Where({ $_ -le 10 })) -join ','
## STDOUT:
1,2,3,4,5,6,7,8,9,10
1,2,3,4,5,6,7,8,9,10
## END

#### SetValue method
$a = 1, 2, 3
$a.SetValue(500, 1)
$a -join ','
## stdout: 1,500,3

#### remove element by slicing
$a = 0..4
$t = $a[0, 1 + 3..($a.Length - 1)]
$t -join ','
## stdout: 0,1,3,4

#### combine two arrays
$x = 1, 3
$y = 5, 9
$z = $x + $y
$z -join ','
## stdout: 1,3,5,9

#### null has Count and Length zero
$a = $null
$a.Count
$a.Length
## STDOUT:
0
0
## END

#### scalar has Count Length and index
$a = 4
$a.Count
$a.Length
$a[0]
$a[-1]
## STDOUT:
1
1
4
4
## END

#### single string result Length is string length
$result = 'one', 'two', 'three', 'four' | Where-Object { $_ -like 'f*' }
$result.GetType().FullName
$result
$result.Count
$result.Length
## STDOUT:
System.String
four
1
4
## END

#### string array variable keeps single result as array
[string[]]$result = 'one', 'two', 'three', 'four' | Where-Object { $_ -like 'f*' }
$result.GetType().FullName
$result.Count
$result.Length
$result[0].Length
## STDOUT:
System.String[]
1
1
4
## END

#### tuple indexing
$tuple = [Tuple]::Create(1, 'test')
$tuple[0]
$tuple[1]
$tuple[-1]
## STDOUT:
1
test
test
## END

#### generic dictionary missing key index is null
$null -eq [Collections.Generic.Dictionary[string, int]]::new()['nosuchkey']
## stdout: True
