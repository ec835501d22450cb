# about_Job_Details, "Child jobs": the parent job of 06-asjob-child-per-computer.ps1 shows
# Failed, because one of its child jobs failed.  Its Location joins the computers of the
# children with commas and is cut to the 20-character column with an ellipsis.  Unlike the
# doc's sample, HasMoreData is True: the parent has more data while any child has (Job4
# and Job6 completed with output).  The doc's narrow console had no room for Command.
$null = Start-Job { 'an earlier job' } | Wait-Job -Timeout 20 | Remove-Job
$invokeCommandSplat = @{
    ComputerName = 'localhost', 'Server01', '127.0.0.1'
    ScriptBlock = {Get-Date}
    AsJob = $true
}
$j = Invoke-Command @invokeCommandSplat
$null = Wait-Job $j -Timeout 20
$j
