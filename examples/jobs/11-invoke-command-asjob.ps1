# about_Job_Details, "Examples": start a background job that runs on a remote computer with
# Invoke-Command -AsJob and a job name.  Adapted: psmini reaches only the local computer, so
# the job runs on localhost instead of Server01 (the doc's point, a RemoteJob named
# RemoteData that is Running while Invoke-Command has already returned, is unchanged).
# Ids as in the doc: a thread job took Id 1.
Start-ThreadJob { 'an earlier job' } | Wait-Job -Timeout 20 | Remove-Job
$invokeCommandSplat = @{
    ComputerName = 'localhost'
    AsJob = $true
    JobName = 'RemoteData'
    ScriptBlock = {Get-Process}
}
Invoke-Command @invokeCommandSplat
Get-Job | Remove-Job -Force
