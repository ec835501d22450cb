# about_Redirection, about_Output_Streams (PowerShell 7.5 docs) and language.md 5.3.

#### redirect output to null
Write-Output 'x' > $null
'after'
## stdout: after

#### Out-Null discards
'x' | Out-Null
'after'
## stdout: after

#### void cast discards
[void]('x')
'after'
## stdout: after

#### error merged into output
$r = Write-Error 'err' 2>&1
$r.GetType().Name
"$r"
## STDOUT:
ErrorRecord
err
## END

#### error stream to null
Write-Error 'gone' 2>$null
'after'
## stdout: after

#### warning stream to null
& { Write-Warning 'w'; 'o' } 3>$null
## stdout: o

#### warning merged into output
$w = Write-Warning 'careful' 3>&1
$w.Message
## stdout: careful

#### verbose merged into output
$v = Write-Verbose 'v' -Verbose 4>&1
$v.Message
## stdout: v

#### debug merged into output
$d = Write-Debug 'd' -Debug 5>&1
$d.Message
## stdout: d

#### information merged into output
$i = Write-Information 'info' 6>&1
$i.MessageData
## stdout: info

#### Write-Host goes to stdout
Write-Host 'host text'
## stdout: host text

#### Write-Host suppressed with 6 redirect
Write-Host 'h' 6>$null
'x'
## stdout: x

#### all streams to null
& { Write-Warning 'w'; Write-Error 'e'; Write-Host 'h'; 'out' } *> $null
'after'
## stdout: after

#### redirect output to file and read back
$f = "/tmp/psmini-spectests-$PID-1.txt"
'hello' > $f
Get-Content $f
Remove-Item $f
## stdout: hello

#### append redirect
$f = "/tmp/psmini-spectests-$PID-2.txt"
'a' > $f
'b' >> $f
(Get-Content $f) -join ','
Remove-Item $f
## stdout: a,b

#### overwrite redirect replaces content
$f = "/tmp/psmini-spectests-$PID-3.txt"
'first' > $f
'second' > $f
Get-Content $f
Remove-Item $f
## stdout: second

#### error stream to file
$f = "/tmp/psmini-spectests-$PID-4.txt"
Write-Error 'to file' 2> $f
(Get-Content $f -Raw) -match 'to file'
Remove-Item $f
## stdout: True

#### Out-File writes file
$f = "/tmp/psmini-spectests-$PID-5.txt"
'line1', 'line2' | Out-File $f
(Get-Content $f).Count
Remove-Item $f
## stdout: 2

#### Set-Content and Add-Content
$f = "/tmp/psmini-spectests-$PID-6.txt"
Set-Content -Path $f -Value 'one'
Add-Content -Path $f -Value 'two'
(Get-Content $f) -join '|'
Remove-Item $f
## stdout: one|two

#### redirect number output keeps text form
$f = "/tmp/psmini-spectests-$PID-7.txt"
1, 2 > $f
(Get-Content $f) -join ','
Remove-Item $f
## stdout: 1,2

#### stream merging in pipeline
& { 'out'; Write-Error 'err' } 2>&1 | ForEach-Object { $_.GetType().Name }
## STDOUT:
String
ErrorRecord
## END

#### redirection applies to statement output only
$x = & { 'kept'; Write-Warning 'dropped' } 3>$null
$x
## stdout: kept

#### Write-Output NoEnumerate
(Write-Output -NoEnumerate 1, 2, 3 | Measure-Object).Count
(Write-Output 1, 2, 3 | Measure-Object).Count
## STDOUT:
1
3
## END

#### Write-Host with NoNewline
Write-Host 'a' -NoNewline
Write-Host 'b'
## stdout: ab

#### Write-Host separator
Write-Host 1 2 3 -Separator ','
## stdout: 1,2,3

#### Write-Host of array joins with space
Write-Host (1, 2, 3)
## stdout: 1 2 3

#### Write-Error does not write to stdout
Write-Error 'only stderr'
$done = 1
## stdout-json: ""

#### warning and error streams merged into success stream
$r = & {
   Write-Warning "hello"
   Write-Error "hello"
   Write-Output "hi"
} 3>&1 2>&1
$r.Count
$r[0].GetType().Name
$r[1].GetType().Name
$r[2]
## STDOUT:
3
WarningRecord
ErrorRecord
hi
## END

#### suppress Write-Host and information stream
& {
   Write-Host "Hello"
   Write-Information "Hello" -InformationAction Continue
} 6> $null
'after'
## stdout: after

#### greater than sign is redirection not comparison
$f = "/tmp/psmini-spectests-$PID-42"
if (36 > $f) { "true" } else { "false" }
Get-Content $f
Remove-Item $f
## STDOUT:
false
36
## END

#### less than sign is a parse error
'before'
if (36 < 42) { "true" } else { "false" }
## stdout-json: ""
## status: 1

#### redirection of a merged error to a variable keeps records in order
$r = & { 'one'; Write-Error 'two'; 'three' } 2>&1
($r | ForEach-Object { "$_" }) -join ','
## stdout: one,two,three
