# Object cmdlets (cmdlet issue: objects, 2026-11-24): ForEach-Object, Where-Object,
# Select-Object, Sort-Object, Group-Object, Measure-Object, Compare-Object, Get-Unique,
# Join-String, Tee-Object, New-Object, Add-Member.  PowerShell 7.5 reference pages.

#### ForEach-Object -MemberName with -ArgumentList
'a.b', 'c.d' | ForEach-Object -MemberName Split -ArgumentList '.' | Join-String -Separator ' '
## stdout: a b c d

#### ForEach-Object -RemainingScripts
1..2 | ForEach-Object -Begin { 'b' } -Process { "p$_" } -RemainingScripts { "r$_" }
## STDOUT:
b
p1
r1
p2
r2
## END

#### Where-Object -CEQ is case-sensitive, -EQ is not
('A', 'a' | Where-Object Length -EQ 1).Count
('A', 'a' | Where-Object { $_ } | Where-Object -Property ToString -EQ $null).Count
('abc', 'ABC' | Where-Object { $_ -ceq 'abc' }).Count
## STDOUT:
2
2
1
## END

#### Select-Object -First -Last -Skip -Index -Unique
(1..10 | Select-Object -First 2 -Last 2) -join ','
(1..10 | Select-Object -Skip 7) -join ','
(1..10 | Select-Object -SkipLast 8) -join ','
(1..10 | Select-Object -Index 0, 9) -join ','
(1, 1, 2, 3, 3 | Select-Object -Unique) -join ','
## STDOUT:
1,2,9,10
8,9,10
1,2
1,10
1,2,3
## END

#### Select-Object -ExpandProperty unrolls collections
([pscustomobject]@{ L = 1, 2, 3 } | Select-Object -ExpandProperty L | Measure-Object).Count
## stdout: 3

#### Select-Object makes PSCustomObjects with the chosen properties
$o = 'hello' | Select-Object Length, @{ n = 'Up'; e = { $_.ToUpper() } }
"$($o.Length) $($o.Up) $($o.GetType().Name)"
## stdout: 5 HELLO PSCustomObject

#### Sort-Object is stable and supports -Unique, -Top, -Bottom, -CaseSensitive
(3, 1, 2, 3, 1 | Sort-Object -Unique) -join ','
(5, 3, 9, 1 | Sort-Object -Top 2) -join ','
(5, 3, 9, 1 | Sort-Object -Bottom 2) -join ','
('b', 'B', 'a', 'A' | Sort-Object -CaseSensitive) -join ','
('b10', 'b9', 'a' | Sort-Object -Descending) -join ','
('x2', 'y1', 'x1' | Sort-Object { $_[1] }, { $_[0] }) -join ','
## STDOUT:
1,2,3
1,3
5,9
a,A,b,B
b9,b10,a
x1,y1,x2
## END

#### Group-Object properties Count Name Group Values
$g = 'a', 'bb', 'cc', 'd' | Group-Object Length
$g.Count
"$($g[1].Count) $($g[1].Name) $($g[1].Group -join '+') $($g[1].Values)"
$g[0].GetType().FullName
## STDOUT:
2
2 2 bb+cc 2
Microsoft.PowerShell.Commands.GroupInfo
## END

#### Group-Object -AsHashTable -AsString
$h = 1, 2, 1 | Group-Object -AsHashTable -AsString
"$($h['1'].Count) $($h['2'].Count)"
## stdout: 2 1

#### Measure-Object -AllStats and -Property
$m = 2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -AllStats
"$($m.Count) $($m.Sum) $($m.Average) $($m.Maximum) $($m.Minimum)"
[math]::Round($m.StandardDeviation, 4)
$p = @([pscustomobject]@{ V = 3 }, [pscustomobject]@{ V = 4 }) | Measure-Object V -Sum
"$($p.Property) $($p.Sum)"
('b', 'a', 'c' | Measure-Object -Maximum).Maximum
## STDOUT:
8 40 5 9 2
2.1381
V 7
c
## END

#### Compare-Object -PassThru and -ExcludeDifferent
(Compare-Object 1, 2 2, 3 -PassThru) -join ','
(Compare-Object 1, 2 2, 3 -PassThru | ForEach-Object SideIndicator) -join ','
(Compare-Object 1, 2 2, 3 -IncludeEqual -ExcludeDifferent).InputObject
## STDOUT:
3,1
=>,<=
2
## END

#### Get-Unique drops adjacent duplicates only
(1, 1, 2, 1 | Get-Unique) -join ','
('a', 'A' | Get-Unique).Count
## STDOUT:
1,2,1
2
## END

#### Join-String options
1..3 | Join-String -Separator ', ' -OutputPrefix '<' -OutputSuffix '>'
'a', 'b' | Join-String -DoubleQuote -Separator ','
[pscustomobject]@{ N = 'x' }, [pscustomobject]@{ N = 'y' } | Join-String -Property N
1.5, 2 | Join-String -FormatString '[{0:N1}]'
## STDOUT:
<1, 2, 3>
"a","b"
xy
[1.5][2.0]
## END

#### Tee-Object -Variable passes objects on
$r = 1..3 | Tee-Object -Variable t | ForEach-Object { $_ * 2 }
"$r / $t"
## stdout: 2 4 6 / 1 2 3

#### New-Object and Add-Member
$o = New-Object -TypeName PSObject -Property @{ A = 1 }
$o | Add-Member -MemberType NoteProperty -Name B -Value 2
$o | Add-Member -NotePropertyMembers @{ C = 3 }
$x = $o | Add-Member -NotePropertyName D -NotePropertyValue 4 -PassThru
"$($x.A)$($x.B)$($x.C)$($x.D)"
## stdout: 1234

#### Add-Member on an existing name needs -Force
$o = [pscustomobject]@{ A = 1 }
try { $o | Add-Member A 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
$o | Add-Member A 3 -Force
$o.A
## STDOUT:
MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand
3
## END

#### Tee-Object -FilePath writes the formatted objects, -Append adds to them
$f = "/tmp/psm-tee-$PID.txt"
'a', 'b' | Tee-Object -FilePath $f | Out-Null
3 | Tee-Object $f -Append
(Get-Content $f) -join '|'
Remove-Item $f
## STDOUT:
3
a|b|3
## END

#### Get-Member lists note properties and the Object methods once per type
$o = [pscustomobject]@{ A = 1; B = 'x' }
($o, $o | Get-Member | ForEach-Object { "$($_.MemberType):$($_.Name)" }) -join ' '
($o | Get-Member -MemberType NoteProperty | ForEach-Object Definition) -join '; '
($o | Get-Member -Name G*).Name -join ','
('s' | Get-Member Length).TypeName
## STDOUT:
Method:Equals Method:GetHashCode Method:GetType Method:ToString NoteProperty:A NoteProperty:B
int A=1; string B=x
GetHashCode,GetType
System.String
## END

#### Aliases on Linux: no sort and no tee alias (they are the native commands)
(Get-Command -Name select, group, measure, compare, gm, '%', '?' -ErrorAction SilentlyContinue).Count
## stdout: 7
