# about_Trap, about_Throw, about_Return, about_Language_Keywords (exit) (PowerShell 7.5 docs).

#### trap with continue suppresses and resumes
trap { "trapped: $_"; continue }
throw 'x'
'after'
## STDOUT:
trapped: x
after
## END

#### trap without continue resumes after writing error
trap { 'T' }
throw 'x'
'after'
## STDOUT:
T
after
## END

#### trap in function
function TrapTest {
    trap { "Error found." }
    nonsenseString
    'function continues'
}
TrapTest 2>$null
## STDOUT:
Error found.
function continues
## END

#### trap with break rethrows to caller
function Test-Break {
    trap { 'in trap'; break }
    throw 'x'
    'not reached'
}
try { Test-Break } catch { 'caught outside' }
## STDOUT:
in trap
caught outside
## END

#### typed trap
trap [System.DivideByZeroException] { 'divide trap'; continue }
$z = 0
1 / $z
'next'
## STDOUT:
divide trap
next
## END

#### typed trap preferred over general trap
trap { 'general'; continue }
trap [System.DivideByZeroException] { 'specific'; continue }
$z = 0
1 / $z
## stdout: specific

#### trap is hoisted to cover whole block
throw 'early'
'after'
trap { 'hoisted'; continue }
## STDOUT:
hoisted
after
## END

#### trap skips rest of nested statement
trap { 'trapped'; continue }
foreach ($i in 1..3) {
    if ($i -eq 2) { throw 'in loop' }
    $i
}
'after loop'
## STDOUT:
1
trapped
after loop
## END

#### trap in script handles error from function
function Fail { throw 'deep' }
trap { "trap: $_"; continue }
Fail
'resumed'
## STDOUT:
trap: deep
resumed
## END

#### return value from function
function Get-Val { return 'value' }
Get-Val
## stdout: value

#### return in script stops script
'before'
return
'after'
## stdout: before

#### return with value at script level
'a'
return 'b'
'c'
## STDOUT:
a
b
## END

#### exit with code
'a'
exit 7
## stdout: a
## status: 7

#### exit without code is zero
'a'
exit
'b'
## stdout: a

#### exit from function ends script
function Stop-All { exit 4 }
'start'
Stop-All
'not reached'
## stdout: start
## status: 4

#### uncaught throw sets exit status 1
throw 'fatal'
## stdout-json: ""
## status: 1

#### throw message appears on stderr not stdout
throw "This is an error."
## stdout-json: ""
## status: 1

#### return in ForEach-Object acts like continue
1..4 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
## STDOUT:
1
3
4
## END

#### return from nested loop exits function
function Find-It {
    foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { return "found $i$j" } } }
    'not found'
}
Find-It
## stdout: found 12

#### throw non-string object message
try { throw 123 } catch { $_.Exception.Message }
## stdout: 123

#### trap shows error through dollar underscore
function TrapTest {
    trap { "Error found: $($_.FullyQualifiedErrorId)" }
    nonsenseString
}
TrapTest 2>$null
## stdout: Error found: CommandNotFoundException

#### specific trap wins over general trap
trap { 'Other terminating error trapped' }
trap [System.Management.Automation.CommandNotFoundException] {
    'Command error trapped'
}
nonsenseString
'after'
## STDOUT:
Command error trapped
after
## END

#### general trap catches other error types
trap { 'Other terminating error trapped' }
trap [System.Management.Automation.CommandNotFoundException] {
    'Command error trapped'
}
1/$null
'after'
## STDOUT:
Other terminating error trapped
after
## END

#### trap skips rest of foreach and continues after it
trap { 'An error occurred!' }
foreach ($x in 3..-1) {
       "1/$x = "
       "`t$(1/$x)"
}
'after loop'
## STDOUT:
1/3 = 
	0.333333333333333
1/2 = 
	0.5
1/1 = 
	1
1/0 = 
An error occurred!
after loop
## END

#### trap inside function resumes inside function
function function1 {
    trap { 'An error: ' }
    NonsenseString
    'function1 was completed'
}
function1 2>$null
## STDOUT:
An error: 
function1 was completed
## END

#### trap outside function resumes after the call
function function2 {
    NonsenseString
    'function2 was completed'
}
trap { 'An error:' }
function2
'next statement'
## STDOUT:
An error:
next statement
## END

#### first lexical trap is used
Remove-Item -ErrorAction Stop ThisFileDoesNotExist
trap { 'whoops 1'; continue }
trap { 'whoops 2'; continue }
## stdout: whoops 1

#### break in trap stops the script
function break_example {
    trap {
        'Error trapped'
        break
    }
    1/$null
    'Function completed.'
}
break_example
'not reached'
## stdout: Error trapped
## status: 1

#### continue in trap resumes without error
function ContinueExample {
    trap {
        'Error trapped'
        continue
    }
    foreach ($x in 3..-1) {
       "1/$x = "
       "`t$(1/$x)"
    }
    'End of function'
}
ContinueExample
## STDOUT:
1/3 = 
	0.333333333333333
1/2 = 
	0.5
1/1 = 
	1
1/0 = 
Error trapped
End of function
## END

#### exception type of last error
nonsenseString
$Error[0].Exception.GetType().FullName
## stdout: System.Management.Automation.CommandNotFoundException
