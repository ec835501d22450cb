# Behaviour the engine's fast paths must keep (2026-11-24): automatic variables of a function
# built on first use, one-object collections, filter truth in Where-Object, count-only
# Measure-Object, and numeric comparisons of mixed inline types.

#### $PSBoundParameters and $args of a simple function
function f($a, $b) { $PSBoundParameters.Count; $PSBoundParameters['a']; $args.Count; $args[1] }
f 1 -b 2 x y
## STDOUT:
2
1
2
y
## END

#### A nested script block run in the function's scope sees its $PSBoundParameters
function f($a) { 1 | ForEach-Object { $PSBoundParameters['a'] }; 1 | Where-Object { $args.Count -eq 0 } }
f 5
## STDOUT:
5
1
## END

#### Get-Variable lists the automatic variables of the call
function f($a) { (Get-Variable PSBoundParameters).Value['a']; (Get-Variable args -ValueOnly).Count }
f 7 8 9
## STDOUT:
7
2
## END

#### Remove-Variable and assignment reach an automatic variable not read yet
function f($a) {
    Remove-Variable PSBoundParameters
    $null -eq (Get-Variable PSBoundParameters -Scope 0 -ErrorAction SilentlyContinue)
    $args = 'mine'
    $args
}
f 1 2
## STDOUT:
True
mine
## END

#### Every call gets its own $PSBoundParameters
function f($n) { if ($n -gt 0) { f ($n - 1) }; "$n $($PSBoundParameters['n'])" }
f 2
## STDOUT:
0 0
1 1
2 2
## END

#### $input in the end block of a simple function, and none when nothing was piped
function f { @($input).Count }
1, 2, 3 | f
f
function g { $input | ForEach-Object { $_ * 2 } }
4, 5 | g
## STDOUT:
3
0
8
10
## END

#### A collection of one object is that object; @() still makes an array
$x = & { , (1, 2) }
$x.GetType().Name
$x.Count
$y = & { 5 }
$y.GetType().Name
@(& { 5 }).Count
$z = & { 1; 2 }
$z.Count
## STDOUT:
Object[]
2
Int32
1
2
## END

#### Where-Object's script block: no output is false, one is its own truth, two are true
1..3 | Where-Object { }
1..3 | Where-Object { $false }
1..3 | Where-Object { $false; $false } | Measure-Object | ForEach-Object Count
1..4 | Where-Object { if ($_ % 2) { 0 } else { 'x' } }
1..2 | Where-Object { , @() }
## STDOUT:
3
2
4
## END

#### Measure-Object without a statistic counts anything; with one it still checks numbers
(1, 'a', [pscustomobject]@{N = 1} | Measure-Object).Count
(3, 9, 4 | Measure-Object -Maximum -Minimum) | ForEach-Object { "$($_.Maximum) $($_.Minimum)" }
('b', 'a' | Measure-Object -Maximum).Maximum
## STDOUT:
3
9 3
b
## END

#### Comparisons of mixed inline numbers
[byte]3 -eq 3.0
[long]5 -gt [int]4
[uint64]::MaxValue -gt -1
[sbyte]-1 -lt [byte]1
2.5 -ge [int16]3
7 -eq '7'
3, 1, 2 | Sort-Object
## STDOUT:
True
True
True
True
False
True
1
2
3
## END

#### Property names match case-insensitively, non-ASCII letters too
$o = [pscustomobject]@{ Ärger = 1; name = 'n'; 'x y' = 3 }
$o.äRGER
$o.NAME
$o.'X Y'
$o.Nam
@{ ÉTÉ = 'summer' }.été
## STDOUT:
1
n
3
summer
## END

#### A call's scope starts empty even when the last call's scope is reused
function g($p) { if ($null -ne $seen) { "seen $seen" }; $seen = $p; function inner { 'in' } }
g 1
g 2
Get-Command inner -ErrorAction SilentlyContinue | ForEach-Object Name
function r($n) { $mine = $n; if ($n -gt 0) { r ($n - 1) }; "$n $mine" }
r 2
## STDOUT:
0 0
1 1
2 2
## END
