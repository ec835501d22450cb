# Streams, redirection and common parameters (2026-11-24, issue 3: engine).

#### warning merged into output keeps the message
$x = Write-Warning 'w1' 3>&1
"[$x]"
## stdout: [w1]

#### verbose merged only when shown
$a = Write-Verbose 'v' 4>&1
$b = Write-Verbose 'v2' -Verbose 4>&1
"[$a][$b]"
## stdout: [][v2]

#### error merged into output becomes an ErrorRecord
$r = Write-Error 'bad' 2>&1
$r.GetType().Name
"$r"
## STDOUT:
ErrorRecord
bad
## END

#### 2>$null hides the error but $Error keeps it
Write-Error 'gone' 2>$null
"$($Error[0])"
$Error.Count
## STDOUT:
gone
1
## END

#### $Error is newest first and Clear empties it
Write-Error 'one' 2>$null
Write-Error 'two' 2>$null
"$($Error[0]) $($Error[1])"
$Error.Clear()
$Error.Count
## STDOUT:
two one
0
## END

#### output to a file and back
$f = "/tmp/psmini-engine-$PID-1.txt"
'hello', 42 > $f
'more' >> $f
cat $f
rm $f
## STDOUT:
hello
42
more
## END

#### error stream to a file
$f = "/tmp/psmini-engine-$PID-2.txt"
Write-Error 'to file' 2> $f
'next'
@(grep 'to file' $f).Count -ge 1
rm $f
## STDOUT:
next
True
## END

#### table output to a file
$f = "/tmp/psmini-engine-$PID-3.txt"
[pscustomobject]@{a=1;b='x'} > $f
cat $f
rm $f
## STDOUT:

a b
- -
1 x

## END

#### star redirection to null
& { 'out'; Write-Warning 'w'; Write-Error 'e'; Write-Host 'h' } *> $null
'after'
## stdout: after

#### Write-Host captured with 6>&1
$h = Write-Host 'hosted' 6>&1
"[$h]"
## stdout: [hosted]

#### ErrorVariable collects the command's errors
Write-Error 'e1' -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
"$($ev[0])"
## STDOUT:
1
e1
## END

#### WarningVariable with SilentlyContinue
Write-Warning 'w9' -WarningVariable wv -WarningAction SilentlyContinue
"$wv"
## stdout: w9

#### OutVariable keeps a copy of the output
$null = Write-Output 5 -OutVariable ov
"ov=$ov"
## stdout: ov=5

#### ErrorAction Stop makes Write-Error catchable
try { Write-Error 'stopme' -ErrorAction Stop; 'not here' } catch { "caught: $_" }
## stdout: caught: stopme

#### ErrorActionPreference Stop ends the script
$ErrorActionPreference = 'Stop'
'before'
Write-Error 'fatal'
'after'
## stdout: before
## status: 1

#### WarningAction Stop throws
try { Write-Warning 'ww' -WarningAction Stop } catch { $_.FullyQualifiedErrorId }
## stdout: ActionPreferenceStop

#### advanced function passes -Verbose to Write-Verbose
function f { [CmdletBinding()] param() Write-Verbose 'from f' }
f
f -Verbose
## stdout: VERBOSE: from f

#### merged stream records display with their prefixes
& { Write-Warning 'w'; Write-Verbose 'v' -Verbose; 'x' } *>&1
## STDOUT:
WARNING: w
VERBOSE: v
x
## END

#### record type names
$w = Write-Warning 'a' 3>&1
$v = Write-Verbose 'b' -Verbose 4>&1
$d = Write-Debug 'c' -Debug 5>&1
$i = Write-Information 'd' 6>&1
"$($w.GetType().Name) $($v.GetType().Name) $($d.GetType().Name) $($i.GetType().Name)"
$i.MessageData
## STDOUT:
WarningRecord VerboseRecord DebugRecord InformationRecord
d
## END

#### Out-String -Width and -NoNewline
$s = 'a', 'b' | Out-String -NoNewline
$s
([pscustomobject]@{n=1} | Out-String -Width 40).Length
## STDOUT:
ab
8
## END
