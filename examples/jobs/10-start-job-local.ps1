# about_Job_Details, "Examples": start a background job on the local computer.  The doc's
# job has Id 2, so a thread job (which takes one Id and has no child) is started and removed
# first.  The job object comes back at once, while the job still runs.
Start-ThreadJob { 'an earlier job' } | Wait-Job -Timeout 20 | Remove-Job
Start-Job -Name LocalData {Get-Process}
Get-Job | Remove-Job -Force
