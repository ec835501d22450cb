# 2026-11-24 Write-Progress draws pwsh 7's minimal progress view on stderr only when stderr
# is a terminal (progress_tty.sh); here it is redirected, so nothing shows, and nothing goes
# down the pipeline.  Parameters bind by name and position (Activity, Status, Id); the
# [ValidateRange] / [ValidateNotNullOrEmpty] checks give pwsh's binding errors.
Write-Progress -Activity 'Search in Progress' -Status '5% Complete:' -PercentComplete 5
Write-Progress 'Updating' 'Progress' 1 -PercentComplete 10 -SecondsRemaining 5 -CurrentOperation 'InnerLoop' -ParentId 0
Write-Progress -Id 2 -SourceId 7 -Activity 'x' -PercentComplete -1 -SecondsRemaining -1
Write-Progress -Activity 'Updating' -Completed
Write-Progress -Completed
$ProgressPreference = 'SilentlyContinue'
Write-Progress -Activity 'hidden'
(Write-Progress -Activity 'a' | Measure-Object).Count
'--- validation'
foreach ($bad in @{PercentComplete = 101}, @{PercentComplete = -2}, @{Id = -1}, @{ParentId = -5},
    @{Activity = ''}, @{Status = ''}) {
    try { Write-Progress @bad } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
}
