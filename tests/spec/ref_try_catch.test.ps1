# about_Try_Catch_Finally, about_Throw (PowerShell 7.5 docs) and language.md 5.4.

#### catch a thrown string
try { throw 'boom' } catch { "caught: $_" }
## stdout: caught: boom

#### exception message of thrown string
try { throw 'boom' } catch { $_.Exception.Message }
## stdout: boom

#### thrown string becomes RuntimeException
try { throw 'boom' } catch { $_.Exception.GetType().FullName }
## stdout: System.Management.Automation.RuntimeException

#### try without error skips catch
try { 'fine' } catch { 'caught' }
## stdout: fine

#### statements after throw in try are skipped
try { 'before'; throw 'x'; 'after' } catch { 'caught' }
## STDOUT:
before
caught
## END

#### finally runs after success
try { 'try' } finally { 'finally' }
## STDOUT:
try
finally
## END

#### finally runs after catch
try { throw 'x' } catch { 'catch' } finally { 'finally' }
## STDOUT:
catch
finally
## END

#### finally runs before uncaught error propagates
try {
    try { throw 'inner' } finally { 'inner finally' }
} catch { "outer caught $_" }
## STDOUT:
inner finally
outer caught inner
## END

#### rethrow with bare throw in catch
try {
    try { throw 'x' } catch { throw }
} catch { "outer $_" }
## stdout: outer x

#### typed catch matches exception type
$z = 0
try { 1 / $z } catch [System.DivideByZeroException] { 'divide' } catch { 'other' }
## stdout: divide

#### typed catch skips non-matching type
try { throw 'plain' } catch [System.DivideByZeroException] { 'divide' } catch { 'general' }
## stdout: general

#### catch with multiple types
try { throw [System.ArgumentException]::new('bad arg') }
catch [System.DivideByZeroException], [System.ArgumentException] { "multi: $($_.Exception.Message)" }
## stdout: multi: bad arg

#### catch base exception type
try { throw [System.ArgumentNullException]::new('p') } catch [System.ArgumentException] { 'base matched' }
## stdout: base matched

#### catch RuntimeException for thrown string
try { throw 'x' } catch [System.Management.Automation.RuntimeException] { 'runtime' }
## stdout: runtime

#### throw exception object
try { throw [System.InvalidOperationException]::new('invalid op') } catch { $_.Exception.GetType().Name; $_.Exception.Message }
## STDOUT:
InvalidOperationException
invalid op
## END

#### divide by zero message in catch
$z = 0
try { 10 / $z } catch { $_.Exception.Message }
## stdout: Attempted to divide by zero.

#### error in function caught by caller
function Fail-Now { throw 'from function' }
try { Fail-Now } catch { "caught $_" }
## stdout: caught from function

#### throw stops the script when uncaught
'start'
throw 'fatal'
'never'
## stdout: start
## status: 1

#### non-terminating error is not caught
try {
    Write-Error 'soft' 2>$null
    'continued'
} catch { 'caught' }
## stdout: continued

#### ErrorAction Stop makes error catchable
try {
    Write-Error 'hard' -ErrorAction Stop
    'not reached'
} catch { "caught: $_" }
## stdout: caught: hard

#### ErrorActionPreference Stop makes error catchable
$ErrorActionPreference = 'Stop'
try { Write-Error 'pref stop' } catch { "caught: $_" }
## stdout: caught: pref stop

#### command not found is catchable
try { Invoke-NoSuchCommandAnywhere } catch { 'command not found' }
## stdout: command not found

#### command not found exception type
try { Invoke-NoSuchCommandAnywhere } catch [System.Management.Automation.CommandNotFoundException] { 'typed not found' }
## stdout: typed not found

#### error record in catch has TargetObject of thrown value
try { throw 42 } catch { $_.TargetObject }
## stdout: 42

#### bare throw outside catch is ScriptHalted
try { throw } catch { $_.Exception.Message }
## stdout: ScriptHalted

#### finally runs on break out of loop
foreach ($i in 1..3) {
    try {
        if ($i -eq 2) { break }
        $i
    } finally { "f$i" }
}
## STDOUT:
1
f1
f2
## END

#### finally runs on return from function
function Get-R { try { return 'r' } finally { 'f' } }
Get-R
## STDOUT:
r
f
## END

#### finally runs on continue
foreach ($i in 1..2) {
    try { continue } finally { "f$i" }
}
## STDOUT:
f1
f2
## END

#### nested try inner catch handles
try {
    try { throw 'inner' } catch { 'inner caught' }
    'after inner'
} catch { 'outer caught' }
## STDOUT:
inner caught
after inner
## END

#### error in catch propagates to outer
try {
    try { throw 'one' } catch { throw 'two' }
} catch { "outer: $_" }
## stdout: outer: two

#### throw with parameter default
function Get-XMLFiles {
    param ($path = $(throw "The Path parameter is required."))
    "path $path"
}
try { Get-XMLFiles } catch { "$_" }
Get-XMLFiles 'p'
## STDOUT:
The Path parameter is required.
path p
## END

#### catch variable is ErrorRecord
try { throw 'x' } catch { $_.GetType().Name }
## stdout: ErrorRecord

#### PSItem is the same as dollar underscore in catch
try { throw 'same' } catch { $PSItem.Exception.Message }
## stdout: same

#### method exception is catchable
try { 'abc'.Substring(10) } catch { 'method failed' }
## stdout: method failed

#### ErrorVariable collects non-terminating errors
function Get-Err {
    [CmdletBinding()]
    param()
    Write-Error 'collected'
}
Get-Err -ErrorVariable ev -ErrorAction SilentlyContinue
"$ev"
## stdout: collected

#### Error automatic variable records errors
Write-Error 'recorded' -ErrorAction SilentlyContinue
"$($Error[0])"
## stdout: recorded

#### ErrorAction Ignore does not record in Error
$Error.Clear()
Write-Error 'ignored' -ErrorAction Ignore
$Error.Count
## stdout: 0

#### try catch output assigned
$r = try { throw 'x' } catch { 'from catch' }
$r
## stdout: from catch

#### exit inside try runs finally
try { 'body'; exit 3 } finally { 'cleanup' }
## STDOUT:
body
cleanup
## END
## status: 3

#### catch unknown command
try { NonsenseString }
catch { "An error occurred." }
## stdout: An error occurred.

#### catch by inherited exception type
try { NonsenseString }
catch [System.Management.Automation.CommandNotFoundException] { "Inherited Exception" }
## stdout: Inherited Exception

#### catch by base exception type
try { NonsenseString }
catch [System.SystemException] { "Base Exception" }
## stdout: Base Exception

#### RuntimeException catch behaves like unqualified catch
try { NonsenseString }
catch [System.Management.Automation.RuntimeException] { 'runtime catch' }
## stdout: runtime catch

#### derived catch before general catch
$z = 0
try { 1 / $z }
catch [System.DivideByZeroException] { 'derived' }
catch [System.ArithmeticException] { 'general' }
## stdout: derived

#### general catch matches derived exception
$z = 0
try { 1 / $z }
catch [System.ArithmeticException] { 'arithmetic' }
## stdout: arithmetic

#### trap inside try takes precedence over catch
try {
    trap { 'trap ran'; continue }
    throw 'x'
    'after throw'
} catch { 'catch ran' }
## STDOUT:
trap ran
after throw
## END

#### Write-Host of error record prints message
try { throw 'the message' }
catch {
    Write-Host "An error occurred:"
    Write-Host $_
}
## STDOUT:
An error occurred:
the message
## END

#### exit from catch runs finally
try { throw 'x' }
catch { 'in catch'; exit 5 }
finally { 'in finally' }
## STDOUT:
in catch
in finally
## END
## status: 5
