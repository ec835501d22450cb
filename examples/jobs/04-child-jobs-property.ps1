# about_Job_Details, "Child jobs": the ChildJobs property of the parent job holds the child
# jobs (on every version of PowerShell).  Same job as 02-include-child-job.ps1.
$job = Invoke-Command -ComputerName localhost, Server01 -ScriptBlock {Get-Process} -AsJob
$null = Wait-Job $job -Timeout 20
(Get-Job Job1).ChildJobs
