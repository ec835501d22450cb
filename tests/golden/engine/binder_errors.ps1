# 2026-11-24: pwsh's parameter-binding errors through real cmdlets and functions,
# all from the one binder (runtime/binder.c).  Each line: FullyQualifiedErrorId | message.
function Show-Err { param($e) "$($e.FullyQualifiedErrorId) | $($e.Exception.Message)" }
function Get-Thing {
    [CmdletBinding()]
    param([string]$Name, [string]$NameList, [int]$Count)
    "Name=$Name Count=$Count"
}

'-- NamedParameterNotFound'
try { Get-Thing -Bogus 1 } catch { Show-Err $_ }
try { Get-Date -Bogus 1 } catch { Show-Err $_ }

'-- AmbiguousParameter lists the matches, common parameters last'
try { Get-Thing -Nam x } catch { Show-Err $_ }
try { Select-Object -E x } catch { Show-Err $_ }

'-- ParameterArgumentTransformationError (function) / CannotConvertArgumentNoMessage (cmdlet)'
try { Get-Thing -Count abc } catch { Show-Err $_ }
try { Select-Object -First abc } catch { Show-Err $_ }

'-- an enum parameter lists the valid names'
try { Write-Output 1 -ErrorAction Bogus } catch { Show-Err $_ }

'-- MissingMandatoryParameter (psmini binds like pwsh -NonInteractive: no prompt)'
function Need { param([Parameter(Mandatory)]$Value, [Parameter(Mandatory)]$Other) "v=$Value" }
try { Need } catch { Show-Err $_ }
try { Need -Other 1 } catch { Show-Err $_ }

'-- AmbiguousParameterSet'
function Sets {
    [CmdletBinding(DefaultParameterSetName = 'A')]
    param([Parameter(ParameterSetName = 'A')]$A, [Parameter(ParameterSetName = 'B')]$B)
    $PSCmdlet.ParameterSetName
}
try { Sets -A 1 -B 2 } catch { Show-Err $_ }

'-- PositionalParameterNotFound, ParameterAlreadyBound, MissingArgument'
try { Get-Thing a b 3 d } catch { Show-Err $_ }
try { Get-Thing -Name a -Name b } catch { Show-Err $_ }
try { Get-Thing -Name } catch { Show-Err $_ }

'-- InputObjectNotBound is non-terminating, per object'
function NoPipe { [CmdletBinding()] param($X) process { "x=$X" } }
1, 2 | NoPipe 2>$null
$Error[0].FullyQualifiedErrorId
$Error[0].Exception.Message

'-- array to a [string] parameter of an advanced function'
try { Get-Thing -Name 1, 2 } catch { Show-Err $_ }

'-- an uncaught binding error points at the argument'
Get-Date -Bogus 1
'after'
