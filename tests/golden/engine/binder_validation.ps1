# 2026-11-24: validation attributes of script parameters and pwsh's
# ParameterArgumentValidationError texts.
function Show-Err { param($e) "$($e.FullyQualifiedErrorId) | $($e.Exception.Message)" }
function Test-V {
    param(
        [ValidateSet('Red', 'Green')]$Color,
        [ValidateRange(1, 10)][int]$Level,
        [ValidateCount(1, 2)][string[]]$Tags,
        [ValidateLength(2, 3)][string]$Code,
        [ValidatePattern('^\d+$')]$Digits,
        [ValidateScript({ $_ % 2 -eq 0 })]$Even,
        [ValidateNotNullOrEmpty()]$Label,
        [ValidateNotNull()]$Thing
    )
    "ok $($PSBoundParameters.Keys -join ',')"
}
Test-V -Color green -Level 10 -Tags a, b -Code ab -Digits 42 -Even 4 -Label x -Thing 0
try { Test-V -Color Blue } catch { Show-Err $_ }
try { Test-V -Level 0 } catch { Show-Err $_ }
try { Test-V -Level 11 } catch { Show-Err $_ }
try { Test-V -Tags a, b, c } catch { Show-Err $_ }
try { Test-V -Code abcd } catch { Show-Err $_ }
try { Test-V -Code a } catch { Show-Err $_ }
try { Test-V -Digits 4x } catch { Show-Err $_ }
try { Test-V -Even 3 } catch { Show-Err $_ }
try { Test-V -Label '' } catch { Show-Err $_ }
try { Test-V -Thing $null } catch { Show-Err $_ }

'-- mandatory parameters refuse $null and empty strings unless allowed'
function Test-M { param([Parameter(Mandatory)][string]$S) "[$S]" }
try { Test-M -S '' } catch { Show-Err $_ }
function Test-A { param([Parameter(Mandatory)][AllowEmptyString()][string]$S) "[$S]" }
Test-A -S ''

'-- a validation failure is statement-terminating: the script goes on'
Test-V -Color Blue
'after'
