# Every thread job gets a fresh session, even when the backend hands it to
# the worker thread of the previous job (-ThrottleLimit 1): no variables, functions, aliases,
# location, cd history, Push-Location stack, $Error entries or preference changes survive
# (pwsh: each ThreadJob has its own new runspace).
$here = (Get-Location).Path
Start-ThreadJob -ThrottleLimit 1 {
    $x = 1; $global:g = 2
    function f { 'f' }
    Set-Alias zz Get-Date
    Push-Location /tmp
    Set-Location /
    $ErrorActionPreference = 'Stop'
    $VerbosePreference = 'Continue'
    Write-Error 'first job' -ErrorAction SilentlyContinue
    "job 1: x=$x g=$g f=$(f) alias=$((Get-Alias zz).Definition) at=$((Get-Location).Path) stack=$((Get-Location -Stack).Count) errors=$($Error.Count) eap=$ErrorActionPreference"
} | Receive-Job -Wait -AutoRemoveJob
$out = Start-ThreadJob -ThrottleLimit 1 {
    "x set: $(Test-Path variable:x) g set: $(Test-Path variable:g)"
    "function: $(Test-Path function:f) alias: $(Test-Path alias:zz)"
    "location: $((Get-Location).Path)"
    "stack: $((Get-Location -Stack).Count)"
    try { Set-Location - -ErrorAction Stop; "cd - went to $((Get-Location).Path)" } catch { "cd -: $($_.Exception.Message)" }
    "errors: $($Error.Count)"
    "preferences: $ErrorActionPreference $VerbosePreference"
} | Receive-Job -Wait -AutoRemoveJob
$out -replace [regex]::Escape($here), '<here>'
