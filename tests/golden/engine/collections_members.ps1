# 2026-11-24 issue 3: script members, .psobject, ConvertFrom-StringData, collection members.
$o = [pscustomobject]@{ n = 4 }
$o | Add-Member -MemberType ScriptMethod -Name Double -Value { param($k) $this.n * 2 * $k }
$o | Add-Member -MemberType ScriptProperty -Name Square -Value { $this.n * $this.n }
$o.Double(3)
$o.Square
$o
$o.psobject.Properties | ForEach-Object { $_.Name + '=' + $_.Value + ':' + $_.MemberType }
$c = $o.psobject.Copy(); $c.n = 5; $o.n; $c.Square
$o.pstypenames.Insert(0, 'My.T'); $o.pstypenames -join ','
$x = 'q' | Add-Member -MemberType ScriptMethod -Name Up -Value { $this.ToUpper() } -PassThru
$x.Up()
try { $o.Double2() } catch { $_.FullyQualifiedErrorId }
$h = ConvertFrom-StringData "a = 1`nb=\u0041\tz`n# c`n"
$h.b
try { ConvertFrom-StringData "a=1`na=2" } catch { $_.Exception.Message }
try { ConvertFrom-StringData "novalue" } catch { $_.Exception.Message }
$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d.Add('k', 3); $d['k']; $d.Keys
$t = [Tuple]::Create('a', 2); $t[1]; "$t"
[array]::IndexOf(@(1,2,3), 3)
$l = [System.Collections.Generic.List[object]]::new(); $l.Add($l.Count); $l.AddRange(@(5,6)); $l -join ','
$l.GetRange(1,2) -join ','
(1..3).Where({ $_ -gt 1 }, 'First').GetType().Name
$s = [System.Collections.ArrayList]::new(); 1..3 | % { [void]$s.Add($_) }; $s.Reverse(); $s -join ''
$h2 = [ordered]@{a=1}; $h2.Insert(0, 'z', 0); $h2.Keys -join ','; $h2[0]
@{x=1}.psbase.Keys
(New-Object 'System.Collections.Generic.List[int]').GetType().Name
$p = [pscustomobject]@{ a = 1; b = 2 }
$p.psobject.Properties['a'].Value = 7
$p.a
$p.psobject.Properties.Remove('b')
$p.psobject.Properties.Name -join ','
$p.psobject.Properties.Count
$n = [System.Collections.Generic.List[int]]@(1, 2, 3, 4)
$n.FindAll({ $args[0] -gt 2 }) -join ','
$n.Find({ param($x) $x -gt 9 })
$n.FindIndex({ $args[0] -eq 3 })
$n.RemoveAll({ $args[0] -lt 3 })
$n -join ','
$m = [int[,]]::new(2, 3)
$m.Rank, $m.Length, $m.GetLength(1) -join ','
$m[1, 2]
$s = [System.Collections.Generic.HashSet[string]]::new()
$s.Add('a'); $s.Add('a'); $s.Count
