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
