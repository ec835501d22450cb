# The job cmdlets bind through their own declarations; Get-Command and Get-Help read the
# parameters from them like any other cmdlet's.
Get-Command Wait-Job -Syntax
(Get-Command -Name *-Job).Name -join ','
(Get-Command -Noun ThreadJob, Command).Name -join ','
Get-Help Receive-Job
