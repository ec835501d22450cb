# about_Job_Details, "Child jobs": Get-Job -IncludeChildJob shows that only one child job
# failed (the one for Server01).  The doc writes -IncludeChildJobs, which is not a parameter
# name (pwsh and psmini both reject it: "A parameter cannot be found that matches parameter
# name 'IncludeChildJobs'."), so this uses -IncludeChildJob.
$null = Start-Job { 'an earlier job' } | Wait-Job -Timeout 20 | Remove-Job
$invokeCommandSplat = @{
    ComputerName = 'localhost', 'Server01', '127.0.0.1'
    ScriptBlock = {Get-Date}
    AsJob = $true
}
$j = Invoke-Command @invokeCommandSplat
$null = Wait-Job $j -Timeout 20
Get-Job -IncludeChildJob
