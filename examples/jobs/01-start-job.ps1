# about_Job_Details, "Using the job cmdlets": Start-Job starts a background job and returns
# the job object at once; Receive-Job gets the results; Wait-Job waits; Stop-Job stops a job;
# Remove-Job deletes it.  (The doc describes these in prose; this file runs each one.)
$job = Start-Job -ScriptBlock { 'result of the job' }
$job                                    # Running: the results are not in the job object
$null = Wait-Job $job -Timeout 20       # the doc's "suppress the command prompt" (bounded)
Receive-Job $job                        # the results
$slow = Start-Job -ScriptBlock { Start-Sleep -Seconds 30 }
Stop-Job $slow                          # stops the job (and its process) at once
Get-Job | Format-Table Id, Name, State, HasMoreData
Remove-Job $job, $slow                  # both are finished, so Remove-Job deletes them
"jobs left: $(@(Get-Job).Count)"
