# Native commands (2026-11-24, issue 3: engine).

#### each argument one argv element, arrays expand
printf '[%s]\n' 'a b' '' @(1, 2) 3.5
## STDOUT:
[a b]
[]
[1]
[2]
[3.5]
## END

#### stdout lines become strings
$x = printf 'a\nb\n'
$x.Count
$x[1].GetType().Name
## STDOUT:
2
String
## END

#### objects piped into a native command arrive as lines
3, 1, 2 | sort
## STDOUT:
1
2
3
## END

#### native into native
printf 'b\na\n' | sort | head -n 1
## stdout: a

#### stderr joins the error stream with 2>&1
$r = sh -c 'echo oops 1>&2' 2>&1
$r.GetType().Name
"$r"
## STDOUT:
ErrorRecord
oops
## END

#### stderr discarded with 2>$null
sh -c 'echo hidden 1>&2; echo shown' 2>$null
## stdout: shown

#### unknown command
try { psmini-no-such-command-x } catch { $_.FullyQualifiedErrorId }
## stdout: CommandNotFoundException

#### pipeline chain operators use the exit code
false || 'or ran'
true && 'and ran'
## STDOUT:
or ran
and ran
## END

#### named arguments and splatting reach native commands
printf '<%s>\n' -a:1 -b c
$h = @{name = 'x'}
printf '<%s>\n' @h
$arr = 'p', 'q'
printf '<%s>\n' @arr
## STDOUT:
<-a:1>
<-b>
<c>
<-name:x>
<p>
<q>
## END

#### double dash is passed on to native commands
printf '<%s>\n' -- -x
## STDOUT:
<-->
<-x>
## END

#### native output in the middle of a pipeline streams line by line
printf 'x\ny\n' | ForEach-Object { "[$_]" }
## STDOUT:
[x]
[y]
## END
