# about_Job_Details, "Child jobs": Get-Job -IncludeChildJob lists each parent job followed
# by its child jobs.  The doc's job ran Get-Process on localhost and on Server01; psmini has
# no transport for other computers yet, so here the child for localhost completes and the
# child for Server01 fails (the doc's Job2 and Job3 with the computers swapped).  The parent
# is Failed because one child failed, and its Location lists both computers.
$job = Invoke-Command -ComputerName localhost, Server01 -ScriptBlock {Get-Process} -AsJob
$null = Wait-Job $job -Timeout 20
Get-Job -IncludeChildJob
