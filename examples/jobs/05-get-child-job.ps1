# about_Job_Details, "Child jobs": Get-Job also finds a child job by its name.  Same job as
# 02-include-child-job.ps1; Job3 is the child that failed.  Its failure reason is psmini's
# remoting error for a computer it cannot reach; Receive-Job reports it as an error record.
$job = Invoke-Command -ComputerName localhost, Server01 -ScriptBlock {Get-Process} -AsJob
$null = Wait-Job $job -Timeout 20
Get-Job Job3
Receive-Job -Name Job3 -ErrorAction SilentlyContinue -ErrorVariable failure
$failure[0].Exception.Message
