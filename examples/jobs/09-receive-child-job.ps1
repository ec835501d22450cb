# about_Job_Details, "Child jobs": Receive-Job on one child job gets only that computer's
# results.  -Keep leaves them in the job.  In PowerShell 7 the computer of a received object
# is the PSComputerName property (the doc's ComputerName column would be empty), so the
# table shows PSComputerName.  The date is the time the script ran.
$null = Start-Job { 'an earlier job' } | Wait-Job -Timeout 20 | Remove-Job
$invokeCommandSplat = @{
    ComputerName = 'localhost', 'Server01', '127.0.0.1'
    ScriptBlock = {Get-Date}
    AsJob = $true
}
$j = Invoke-Command @invokeCommandSplat
$null = Wait-Job $j -Timeout 20
Receive-Job -Name Job6 -Keep |
    Format-Table PSComputerName, DateTime -AutoSize
