# about_Job_Details, "Child jobs": Invoke-Command -AsJob on three computers returns one job
# with a child job for each computer.  The doc's session had already used Ids 1 and 2 (its
# job is Job3), so a finished Start-Job (Job1 and its child Job2) is removed first: Ids are
# never reused.  Adapted: psmini reaches only the local computer, so 'Server02' became
# '127.0.0.1' (another name for it); 'Server01' still fails, as the doc's Job5 does.
$earlier = Start-Job { 'an earlier job' }
$null = Wait-Job $earlier -Timeout 20
Remove-Job $earlier
$invokeCommandSplat = @{
    ComputerName = 'localhost', 'Server01', '127.0.0.1'
    ScriptBlock = {Get-Date}
    AsJob = $true
}
$j = Invoke-Command @invokeCommandSplat
$j | Format-List Name, ChildJobs
$null = Wait-Job $j -Timeout 20
