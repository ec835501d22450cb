# Inside a thread job every relative file path is taken against the job's own
# location (Set-Location in the job never moves the shell or the process): > and >> and 2>
# redirections, Tee-Object -FilePath/-Append, switch -File, Select-String's paths and its
# MatchInfo display, and $PSScriptRoot/$PSCommandPath of a script run as ./s.ps1.  A target
# that cannot be opened fails with Out-File's error (Tee-Object's before any object passes).
$base = "/tmp/psmini-runloc-files-$PID"
$null = New-Item -ItemType Directory $base
$null = New-Item -ItemType Directory "$base/job"
$here = (Get-Location).Path
$out = Start-ThreadJob -ArgumentList $base {
    param($b)
    Set-Location "$b/job"
    'one' > out.txt
    'two' >> out.txt
    Write-Error 'job-error' 2> err.txt
    'tee1' | Tee-Object -FilePath tee.txt
    'tee2' | Tee-Object tee.txt -Append
    switch -File out.txt { 'two' { "switch saw $_" } }
    try { switch -File nosuch.txt { default { } } } catch { $_.Exception.Message }
    Select-String t out.txt, tee.txt | ForEach-Object { "$_ | $($_.Path) | $($_.Filename)" }
    Set-Location ..
    Select-String one job/out.txt | ForEach-Object { "$_" }
    Set-Location / # MatchInfo.RelativePath("/"): the path without its leading "/"
    Select-String one "$b/job/out.txt" | ForEach-Object { "$_".Replace($b.Substring(1), '{base}') }
    Set-Location "$b/job"
    try { 'x' > nodir/f.txt } catch { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
    try { 'x' | Tee-Object nodir/f.txt } catch { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
    "'`$PSScriptRoot = [' + `$PSScriptRoot + '] ' + `$PSCommandPath" > s.ps1
    ./s.ps1
    & ./s.ps1
    (Get-Location).Path
} | Receive-Job -Wait -AutoRemoveJob
$out -replace [regex]::Escape($base), '<base>'
'--- the shell did not move'
(Get-Location).Path -eq $here
Test-Path out.txt, tee.txt, s.ps1
'--- the files'
Get-Content "$base/job/out.txt"
Get-Content "$base/job/tee.txt"
[bool]((Get-Content "$base/job/err.txt") -match 'job-error')
Remove-Item -Recurse $base
Test-Path $base
