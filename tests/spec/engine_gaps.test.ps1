# Small engine/cmdlet gaps (2026-11-24): DateTime's extended properties,
# ErrorRecord.CategoryInfo, New-Object through [T]::new, the Version/Guid views, enum type names.

#### DateTime ScriptProperty is the long date and long time (en-US)
$d = [datetime]::new(2026, 11, 24, 16, 27, 10)
$d.DateTime
[datetime]::new(2026, 1, 5, 9, 3, 7).DateTime
(Get-Date -Date $d).DateTime
## STDOUT:
Tuesday, November 24, 2026 4:27:10 PM
Monday, January 5, 2026 9:03:07 AM
Tuesday, November 24, 2026 4:27:10 PM
## END

#### DateTime DayOfWeek and Kind are enums; Nanosecond exists
$d = [datetime]::new(2026, 11, 24, 16, 27, 10)
$d.DayOfWeek
$d.DayOfWeek.GetType().FullName
[int]$d.DayOfWeek
$d.DayOfWeek -eq 'Tuesday'
$d.Kind.GetType().FullName
[datetime]::new(5).Nanosecond
$d.AddTicks(7).Nanosecond
## STDOUT:
Tuesday
System.DayOfWeek
2
True
System.DateTimeKind
500
700
## END

#### Select-Object DayOfWeek shows the day's name
$d = [datetime]::new(2026, 11, 23)
$d | Select-Object DayOfWeek
(Get-Date | Select-Object DayOfWeek | Out-String).Trim() -match '^DayOfWeek\s+-+\s+(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$'
## STDOUT:

DayOfWeek
---------
Monday
True

## END

#### Length and Count on scalars
"abc".Length
(5).Count
$null.Count
'x'.Count
## STDOUT:
3
1
0
1
## END

#### CategoryInfo of a cmdlet error is an ErrorCategoryInfo object
try { Get-Item /nonexistent-x9/x -ErrorAction Stop } catch { $err = $_ }
$ci = $err.CategoryInfo
$ci.GetType().FullName
$ci.Category
$ci.Category.GetType().FullName
[int]$ci.Category
$ci.Category -eq 'ObjectNotFound'
$ci.Activity
$ci.TargetName
$ci.TargetType
## STDOUT:
System.Management.Automation.ErrorCategoryInfo
ObjectNotFound
System.Management.Automation.ErrorCategory
13
True
Get-Item
/nonexistent-x9/x
String
## END

#### CategoryInfo ToString: "Category: (TargetName:TargetType) [Activity], Reason"
try { 1/0 } catch { "$($_.CategoryInfo)" }
try { throw "boom" } catch { "$($_.CategoryInfo)" }
try { nosuchcmd-x9 } catch { "$($_.CategoryInfo)"; $_.CategoryInfo.Activity.Length }
try { [int]'abc' } catch { "$($_.CategoryInfo)" }
Write-Error "we" -ErrorVariable ev 2>$null
"$($ev[0].CategoryInfo)"
## STDOUT:
NotSpecified: (:) [], RuntimeException
OperationStopped: (boom:String) [], RuntimeException
ObjectNotFound: (nosuchcmd-x9:String) [], CommandNotFoundException
0
InvalidArgument: (:) [], RuntimeException
NotSpecified: (:) [Write-Error], WriteErrorException
## END

#### CategoryInfo ellipsizes parts longer than 40 characters
try { & ('a' * 30 + 'b' * 30) } catch { "$($_.CategoryInfo)"; $_.CategoryInfo.TargetName.Length }
## STDOUT:
ObjectNotFound: (aaaaaaaaaaaaaaa…bbbbbbbbbbbbbbb:String) [], CommandNotFoundException
60
## END

#### CategoryInfo in a list
try { nosuchcmd-x9 } catch { $_.CategoryInfo | Format-List }
## STDOUT:

Category   : ObjectNotFound
Activity   : 
Reason     : CommandNotFoundException
TargetName : nosuchcmd-x9
TargetType : String

## END

#### New-Object falls back to the type's constructor
[byte[]] $bytes = 1..16
(New-Object guid (, $bytes)).ToString()
(New-Object version 1, 2, 3).ToString()
(New-Object -TypeName System.Version -ArgumentList 4, 5).Minor
(New-Object datetime 2026, 11, 24).DayOfYear
(New-Object regex 'a+').Match('baaa').Value
## STDOUT:
04030201-0605-0807-090a-0b0c0d0e0f10
1.2.3
5
328
aaa
## END

#### New-Object with an unknown type is TypeNotFound
try { New-Object NoSuch.Type } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
    $_.Exception.GetType().FullName
    "$($_.CategoryInfo)"
}
New-Object NoSuch.Type
'after'
## status: 0
## STDOUT:
TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand
Cannot find type [NoSuch.Type]: verify that the assembly containing this type is loaded.
System.Management.Automation.PSArgumentException
InvalidType: (:) [New-Object], PSArgumentException
after
## END

#### New-Object reports a constructor that throws
try { New-Object version 'bad' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand
Exception calling ".ctor" with "1" argument(s): "Version string portion was too short or too long. (Parameter 'input')"
## END

#### [version] prints as a table Major Minor Build Revision
[version]'1.2.3.4' | Out-Default
[version]'10.0.14393.0', [version]'1.2' | Out-Default
## STDOUT:

Major  Minor  Build  Revision
-----  -----  -----  --------
1      2      3      4


Major  Minor  Build  Revision
-----  -----  -----  --------
10     0      14393  0
1      2      -1     -1

## END

#### [version] in a list has all six properties
[version]'1.2.3.65539' | Format-List
## STDOUT:

Major         : 1
Minor         : 2
Build         : 3
Revision      : 65539
MajorRevision : 1
MinorRevision : 3

## END

#### [guid] prints as a table with one column Guid
$g = [guid]'04030201-0605-0807-090a-0b0c0d0e0f10'
$g
$g.Guid
$g.Guid -eq $g.ToString()
## STDOUT:

Guid
----
04030201-0605-0807-090a-0b0c0d0e0f10
04030201-0605-0807-090a-0b0c0d0e0f10
True

## END

#### Enum and .NET type literals know their full names
[DayOfWeek].FullName
[DayOfWeek].Name
[System.DayOfWeek].FullName
[ConsoleColor].FullName
[IO.FileAttributes].FullName
[version].FullName
[regex].FullName
[ArgumentException].FullName
[int][System.Management.Automation.ErrorCategory]::ObjectNotFound
[DayOfWeek]::Friday
## STDOUT:
System.DayOfWeek
DayOfWeek
System.DayOfWeek
System.ConsoleColor
System.IO.FileAttributes
System.Version
System.Text.RegularExpressions.Regex
System.ArgumentException
13
Friday
## END

#### Format-List of a [guid] shows its Guid property
[guid]'04030201-0605-0807-090a-0b0c0d0e0f10' | Format-List
## STDOUT:

Guid : 04030201-0605-0807-090a-0b0c0d0e0f10

## END

#### Format-List of a [version] lists its six properties
[version]'1.2.3.4' | Format-List
## STDOUT:

Major         : 1
Minor         : 2
Build         : 3
Revision      : 4
MajorRevision : 0
MinorRevision : 4

## END

#### Generic Dictionary shows a Key Value table
$d = [System.Collections.Generic.Dictionary[string,int]]::new()
$d['a'] = 1; $d.Add('bb', 22)
$d
## STDOUT:

Key Value
--- -----
a       1
bb     22

## END

#### Generic Dictionary enumerates KeyValuePair objects
$d = [System.Collections.Generic.Dictionary[string,int]]::new()
$d['a'] = 1; $d.Add('bb', 22)
$d.GetEnumerator() | ForEach-Object Key
foreach ($kv in $d.GetEnumerator()) { "$($kv.Key)=$($kv.Value) $kv" }
($d.GetEnumerator() | Select-Object -First 1).GetType().Name
## STDOUT:
a
bb
a=1 [a, 1]
bb=22 [bb, 22]
KeyValuePair`2
## END

#### Generic Dictionary through Format-List shows Key and Value
$d = [System.Collections.Generic.Dictionary[string,int]]::new()
$d['a'] = 1; $d.Add('bb', 22)
$d | Format-List
## STDOUT:

Key   : a
Value : 1

Key   : bb
Value : 22

## END

#### Hashtable and OrderedDictionary keep the Name Value view
[ordered]@{x = 1}
## STDOUT:

Name                           Value
----                           -----
x                              1

## END

#### ErrorCategory has all 32 values
$names = [enum]::GetNames([System.Management.Automation.ErrorCategory])
$names.Count
$names[1..4] -join ','
[int][System.Management.Automation.ErrorCategory]::NotEnabled
## STDOUT:
32
OpenError,CloseError,DeviceError,DeadlockDetected
31
## END

#### Write-Error sets category, id, target and the CategoryInfo texts
Write-Error 'boom' -Category OpenError -ErrorId MyId -TargetObject 42 2>$null
$e = $Error[0]
"$e"
$e.FullyQualifiedErrorId
$e.CategoryInfo.ToString()
$e.TargetObject
Write-Error -Message m -Category ResourceBusy -CategoryActivity act -CategoryReason rsn -CategoryTargetName tn -CategoryTargetType tt 2>$null
$Error[0].CategoryInfo | Format-List
$Error[0].FullyQualifiedErrorId
## STDOUT:
boom
MyId
OpenError: (42:Int32) [Write-Error], WriteErrorException
42

Category   : ResourceBusy
Activity   : act
Reason     : rsn
TargetName : tn
TargetType : tt

Microsoft.PowerShell.Commands.WriteErrorException
## END

#### Write-Error -Category takes every ErrorCategory name, a number or an enum value
foreach ($n in [enum]::GetNames([System.Management.Automation.ErrorCategory])) {
    Write-Error x -Category $n 2>$null
    if ("$($Error[0].CategoryInfo.Category)" -ne $n) { "mismatch $n" }
}
Write-Error x -Category 27 2>$null; "$($Error[0].CategoryInfo.Category)"
Write-Error x -Category ([System.Management.Automation.ErrorCategory]::QuotaExceeded) 2>$null
$Error[0].CategoryInfo.Category.GetType().Name
"$($Error[0].CategoryInfo.Category)"
## STDOUT:
ConnectionError
ErrorCategory
QuotaExceeded
## END

#### Write-Error inside a function qualifies the id with the function's name
function Get-Thing { Write-Error 'nope' -ErrorId ThingMissing }
Get-Thing 2>$null
$Error[0].FullyQualifiedErrorId
function Get-Other { Write-Error 'plain' }
Get-Other 2>$null
$Error[0].FullyQualifiedErrorId
## STDOUT:
ThingMissing,Get-Thing
Microsoft.PowerShell.Commands.WriteErrorException,Get-Other
## END

#### Write-Error -Exception keeps the exception; -Message becomes ErrorDetails
Write-Error -Exception ([System.ArgumentException]::new('bad arg')) -Message 'shown' 2>$null
$e = $Error[0]
"$e"
$e.Exception.GetType().FullName
$e.Exception.Message
$e.ErrorDetails.Message
$e.FullyQualifiedErrorId
$e.CategoryInfo.Reason
Write-Error -Exception ([System.InvalidOperationException]::new('io')) 2>$null
$null -eq $Error[0].ErrorDetails
"$($Error[0])"
## STDOUT:
shown
System.ArgumentException
bad arg
shown
System.ArgumentException
ArgumentException
True
io
## END

#### Write-Error -RecommendedAction fills ErrorDetails; pipeline input is the message
Write-Error 'r' -RecommendedAction 'do this' 2>$null
$Error[0].ErrorDetails.RecommendedAction
$Error[0].ErrorDetails.Message
'one', 'two' | Write-Error 2>$null
$Error[1].Exception.Message, $Error[0].Exception.Message -join ','
## STDOUT:
do this
r
one,two
## END

#### Write-Error -ErrorRecord writes a copy of the record
try { [int]::Parse('x') } catch { Write-Error -ErrorRecord $_ -CategoryReason Why 2>$null }
$Error[0].Exception.GetType().Name
$Error[0].CategoryInfo.Reason
$Error[0].FullyQualifiedErrorId
## STDOUT:
MethodInvocationException
Why
FormatException
## END

#### Write-Error -ErrorAction Stop throws the record
try { Write-Error 'stop' -ErrorId X -Category InvalidResult -ErrorAction Stop } catch {
    $_.FullyQualifiedErrorId; $_.Exception.GetType().Name; "$($_.CategoryInfo.Category)"
}
## STDOUT:
X
WriteErrorException
InvalidResult
## END

#### A .NET method's exception is wrapped as MethodInvocationException
try { [int]::Parse('x') } catch {
    $_.Exception.Message
    $_.Exception.GetType().FullName
    $_.Exception.InnerException.GetType().FullName
    $_.Exception.InnerException.Message
    $_.FullyQualifiedErrorId
}
## STDOUT:
Exception calling "Parse" with "1" argument(s): "The input string 'x' was not in a correct format."
System.Management.Automation.MethodInvocationException
System.FormatException
The input string 'x' was not in a correct format.
FormatException
## END

#### catch [FormatException] matches the wrapped exception and sees it as $_.Exception
try { [int]::Parse('x') } catch [System.FormatException] {
    'format'; $_.Exception.GetType().Name; "$_"
} catch { 'other' }
try { [int]::Parse('x') } catch [System.Management.Automation.MethodInvocationException] {
    'mie'; $_.Exception.GetType().Name
}
try { [int]::Parse('x') } catch [Exception] { $_.Exception.GetType().Name }
try { [int]::Parse('x') } catch { $_.Exception.GetType().Name }
## STDOUT:
format
FormatException
The input string 'x' was not in a correct format.
mie
MethodInvocationException
FormatException
MethodInvocationException
## END

#### Format-List of a DateTime lists its properties, DateTime last
[datetime]::new(2026, 1, 5, 9, 3, 7).AddTicks(12345) | Format-List
## STDOUT:

Date        : 1/5/2026 12:00:00 AM
Day         : 5
DayOfWeek   : Monday
DayOfYear   : 5
Hour        : 9
Kind        : Unspecified
Millisecond : 1
Microsecond : 234
Nanosecond  : 500
Minute      : 3
Month       : 1
Second      : 7
Ticks       : 639032005870012345
TimeOfDay   : 09:03:07.0012345
Year        : 2026
DateTime    : Monday, January 5, 2026 9:03:07 AM

## END

#### Format-List of a TimeSpan uses its list view
[timespan]::new(1, 2, 3) | Format-List
## STDOUT:

Days              : 0
Hours             : 1
Minutes           : 2
Seconds           : 3
Milliseconds      : 0
Ticks             : 37230000000
TotalDays         : 0.0430902777777778
TotalHours        : 1.03416666666667
TotalMinutes      : 62.05
TotalSeconds      : 3723
TotalMilliseconds : 3723000

## END

#### A job's error record keeps any ErrorCategory in the parent
$j = Start-Job { Write-Error 'busy' -Category ResourceBusy; Write-Error 'quota' -Category QuotaExceeded }
$null = Wait-Job $j
Receive-Job $j 2>$null
"$($Error[1].CategoryInfo.Category) $($Error[0].CategoryInfo.Category)"
Remove-Job $j
## STDOUT:
ResourceBusy QuotaExceeded
## END

#### a missing path is an ItemNotFoundException (a RuntimeException) for every item cmdlet
try { Get-Item /nonexistent-x9/a -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { $_.Exception.GetType().FullName }
try { Get-Content /nonexistent-x9/a -ErrorAction Stop } catch [System.Management.Automation.RuntimeException] { "$($_.Exception.GetType().Name) $($_.FullyQualifiedErrorId)" }
## STDOUT:
System.Management.Automation.ItemNotFoundException
ItemNotFoundException PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand
## END
