# Start-Job: Command keeps the inner whitespace; $using:, -ArgumentList, pipeline input and
# -InputObject, -InitializationScript, -WorkingDirectory, -FilePath, and their errors.
$x = 'caller'
$j = Start-Job { param($p, $q) "$p $q $using:x"; "x=[$x]" } -ArgumentList 1, 2
"[$($j.Command)] $($j.PSJobTypeName) $($j.Location) $($j.ChildJobs[0].PSJobTypeName)[]"
Receive-Job $j -Wait
1, 2, 3 | Start-Job { ($input | Measure-Object -Sum).Sum } | Receive-Job -Wait
Start-Job { @($input).Count } -InputObject 1, 2, 3 | Receive-Job -Wait
Start-Job { "init=$init" } -InitializationScript { $global:init = 'done' } | Receive-Job -Wait
Start-Job { (Get-Location).Path } | Receive-Job -Wait | ForEach-Object { $_ -eq $PWD.Path }
Start-Job { (Get-Location).Path } -WorkingDirectory / | Receive-Job -Wait
Start-Job -FilePath ./jobfile.ps1 -ArgumentList 'fp' | Receive-Job -Wait
try { Start-Job { $using:undefinedVar } } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Start-Job { 1 } -WorkingDirectory /no/such/dir } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Start-Job -FilePath ./start.out } catch { $_.Exception.Message }
try { Start-Job -FilePath ./*.ps1 } catch { $_.Exception.Message }
try { Start-Job -ScriptBlock 'text' } catch { $_.FullyQualifiedErrorId }
"jobs: $((Get-Job).Count)"
