# about_Job_Details, "Child jobs": Get-Job -ChildJobState Failed gets each parent job and
# only those of its child jobs that are in the Failed state.  Same job as
# 02-include-child-job.ps1 (the failing child is the one for Server01).
$job = Invoke-Command -ComputerName localhost, Server01 -ScriptBlock {Get-Process} -AsJob
$null = Wait-Job $job -Timeout 20
Get-Job -ChildJobState Failed
