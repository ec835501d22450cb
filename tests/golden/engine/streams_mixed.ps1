# 2026-11-24 issue 3: warning/verbose/debug prefixes and preferences; host text on stdout.
Write-Output 'out1'
Write-Warning 'careful'
Write-Verbose 'hidden'
Write-Verbose 'shown' -Verbose
Write-Debug 'dbg hidden'
$DebugPreference = 'Continue'
Write-Debug 'dbg'
Write-Information 'info hidden'
Write-Information 'info' -InformationAction Continue
Write-Host 'host'
Write-Warning 'quiet' -WarningAction SilentlyContinue
$WarningPreference = 'SilentlyContinue'
Write-Warning 'also quiet'
'end'
