# 2026-11-24 fmtcmds: Format-List samples (pwsh Format-List.Tests.ps1, language.md 8.5).
$in = [pscustomobject]@{ testName = 'testValue' }
$s = $in | Format-List | Out-String
$s -eq "`ntestName : testValue`n`n"
$o = [pscustomobject]@{Name='alpha'; Id=1; Size=1234.5}
$o | Format-List
$o | Format-List -Property Name, @{Name='Twice'; Expression={$_.Id * 2}}
$o | fl *
$o | Format-List -Property S*, N*
